// TanStack Query hooks over the API client: what the app caches, under which keys, and what invalidates it.
import {
  infiniteQueryOptions,
  keepPreviousData,
  QueryClient,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
} from '@tanstack/react-query';
import { useMemo } from 'react';
import { DEFAULT_VIEW, type ListView } from '../lib/layouts';
import { api, isAPIError } from './client';
import type {
  Account,
  CreateGallery,
  CreateShareLink,
  Credentials,
  Gallery,
  Image,
  ImageList,
  MemberRole,
  SearchResults,
  UpdateGallery,
} from './types';

export const keys = {
  session: ['session'] as const,
  galleries: ['galleries'] as const,
  sharedGalleries: ['galleries', 'shared'] as const,
  gallery: (galleryId: string) => ['gallery', galleryId] as const,
  images: (galleryId: string) => ['images', galleryId] as const,
  /** under the gallery's images: whatever refreshes them refreshes the counts */
  tags: (galleryId: string) => ['images', galleryId, 'tags'] as const,
  /** under the gallery's images too: an upload or a deletion changes the groups */
  duplicates: (galleryId: string) => ['images', galleryId, 'duplicates'] as const,
  image: (galleryId: string, imageId: string) => ['image', galleryId, imageId] as const,
  cover: (galleryId: string) => ['cover', galleryId] as const,
  backlog: ['processing', 'backlog'] as const,
  shareLinks: (galleryId: string) => ['share-links', galleryId] as const,
  members: (galleryId: string) => ['gallery', galleryId, 'members'] as const,
  shared: (token: string) => ['shared', token] as const,
  sharedImages: (token: string) => ['shared', token, 'images'] as const,
  /** every search: what a new or deleted image invalidates */
  searches: ['search'] as const,
  /** one search, by its normalised term (searchTerm) */
  search: (term: string) => ['search', term] as const,
};

export const IMAGE_PAGE_SIZE = 50;
const GALLERY_PAGE_SIZE = 24;
/** Images per page of search results: a dropdown's worth; "More results" asks for the next page. */
export const SEARCH_PAGE_SIZE = 12;
/** Signed variant URLs live 15 minutes and are handed out with most of that left: refresh well before. */
const SIGNED_URL_REFRESH = 8 * 60_000;

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // a refusal (404 for a gallery you may not see, 401, 400) does not get better by asking again
        retry: (failures, error) => !(isAPIError(error) && error.status >= 400 && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

// ---- session ----

export function useSession() {
  return useQuery({
    queryKey: keys.session,
    queryFn: ({ signal }) => api.session.current(signal),
    staleTime: 5 * 60_000,
  });
}

/** Everything cached was read as someone else: start again (the session itself is already set). */
function resetForViewer(client: QueryClient, account: Account | null) {
  client.setQueryData(keys.session, account);
  void client.resetQueries({ predicate: (query) => query.queryKey[0] !== keys.session[0] });
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (credentials: Credentials) => api.session.signIn(credentials),
    onSuccess: (account) => resetForViewer(client, account),
  });
}

export function useSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (credentials: Credentials) => {
      await api.session.register(credentials);
      return api.session.signIn(credentials);
    },
    onSuccess: (account) => resetForViewer(client, account),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.session.signOut(),
    onSettled: () => resetForViewer(client, null),
  });
}

// ---- galleries ----

export function useGalleries() {
  const query = useInfiniteQuery({
    queryKey: keys.galleries,
    queryFn: ({ pageParam, signal }) => api.galleries.list(pageParam, GALLERY_PAGE_SIZE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) =>
      last.pagination.hasMore && last.pagination.cursor ? last.pagination.cursor : undefined,
  });
  const galleries = useMemo(() => query.data?.pages.flatMap((page) => page.galleries) ?? [], [query.data]);
  return { ...query, galleries };
}

/** Galleries others shared with the signed-in account (first page: a home page section, not a feed). */
export function useSharedGalleries(enabled: boolean) {
  return useQuery({
    queryKey: keys.sharedGalleries,
    queryFn: ({ signal }) => api.galleries.list(null, GALLERY_PAGE_SIZE, signal, 'shared'),
    enabled,
    select: (page) => page.galleries,
  });
}

export function useGallery(galleryId: string) {
  return useQuery({
    queryKey: keys.gallery(galleryId),
    queryFn: ({ signal }) => api.galleries.get(galleryId, signal),
  });
}

export function useCreateGallery() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateGallery) => api.galleries.create(input),
    onSuccess: (gallery) => {
      if (gallery) client.setQueryData(keys.gallery(gallery.id), gallery);
      void client.invalidateQueries({ queryKey: keys.galleries });
    },
  });
}

export function useUpdateGallery(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: UpdateGallery) => api.galleries.update(galleryId, patch),
    onSuccess: (gallery, patch) => {
      if (gallery) client.setQueryData(keys.gallery(galleryId), gallery);
      else void client.invalidateQueries({ queryKey: keys.gallery(galleryId) });
      void client.invalidateQueries({ queryKey: keys.galleries });
      void client.invalidateQueries({ queryKey: keys.cover(galleryId) });
      // visibility decides whether variant URLs are public or signed; showLocations who sees capture.location
      if (patch.visibility || patch.showLocations !== undefined)
        void client.invalidateQueries({ queryKey: keys.images(galleryId) });
    },
  });
}

export function useDeleteGallery(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.galleries.delete(galleryId),
    onSuccess: () => {
      client.removeQueries({ queryKey: keys.gallery(galleryId) });
      client.removeQueries({ queryKey: keys.images(galleryId) });
      void client.invalidateQueries({ queryKey: keys.galleries });
    },
  });
}

/** The gallery's cover: its chosen cover image, else its newest published image; null when it has none. */
export function useCover(gallery: Gallery) {
  return useQuery({
    queryKey: [...keys.cover(gallery.id), gallery.coverImageId, gallery.version],
    queryFn: async ({ signal }): Promise<Image | null> => {
      if (gallery.coverImageId) {
        try {
          return await api.images.get(gallery.id, gallery.coverImageId, signal);
        } catch (error) {
          if (!isAPIError(error, 404)) throw error;
        }
      }
      if (gallery.imageCount === 0) return null;
      const { images } = await api.images.list(gallery.id, { limit: 1, status: 'published' }, signal);
      return images[0] ?? null;
    },
    staleTime: 5 * 60_000,
    refetchInterval: gallery.visibility === 'public' ? false : SIGNED_URL_REFRESH,
  });
}

// ---- images ----

/** A gallery's published images, newest first, a page per cursor; pages are fetched as the viewer scrolls. */
export function useGalleryImages(galleryId: string, visibility?: Gallery['visibility'], view: ListView = DEFAULT_VIEW) {
  const query = useInfiniteQuery({
    // under the gallery's key: invalidating its images refreshes every order
    queryKey: [...keys.images(galleryId), view.sort, view.tag],
    queryFn: ({ pageParam, signal }) =>
      api.images.list(
        galleryId,
        { cursor: pageParam, limit: IMAGE_PAGE_SIZE, status: 'published', sort: view.sort, tag: view.tag ?? undefined },
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last: ImageList) =>
      last.pagination.hasMore && last.pagination.cursor ? last.pagination.cursor : undefined,
    enabled: Boolean(galleryId),
    staleTime: 5 * 60_000,
    // signed URLs (unlisted and private galleries) expire: refresh them in time; public ones never change
    refetchInterval: visibility && visibility !== 'public' ? SIGNED_URL_REFRESH : false,
  });
  const images = useMemo(
    () =>
      query.data?.pages
        .flatMap((page) => page.images)
        .filter((image) => image.status === 'published' && image.variants.length > 0) ?? [],
    [query.data],
  );
  const total = query.data?.pages[0]?.pagination.total;
  return { ...query, images, total };
}

/** One image; with `poll`, asked again every second while it is processing. */
export function useImage(galleryId: string, imageId: string | undefined, { poll = false, enabled = true } = {}) {
  return useQuery({
    queryKey: keys.image(galleryId, imageId ?? ''),
    queryFn: ({ signal }) => api.images.get(galleryId, imageId!, signal),
    enabled: Boolean(imageId) && enabled,
    refetchInterval: poll
      ? (query) => (query.state.data?.status === 'processing' || !query.state.data ? 1000 : false)
      : false,
    refetchIntervalInBackground: poll,
  });
}

/** The gallery's tags with their counts (the filter chips of the gallery page). */
export function useGalleryTags(galleryId: string) {
  return useQuery({
    queryKey: keys.tags(galleryId),
    queryFn: ({ signal }) => api.images.tagCounts(galleryId, signal),
    enabled: Boolean(galleryId),
  });
}

/** Sets an image's tags; the gallery's lists and counts are asked again. */
export function useSetImageTags(galleryId: string, imageId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (tags: string[]) => api.images.setTags(galleryId, imageId, tags),
    onSuccess: (image) => {
      if (image) client.setQueryData(keys.image(galleryId, imageId), image);
      else void client.invalidateQueries({ queryKey: keys.image(galleryId, imageId) });
      void client.invalidateQueries({ queryKey: keys.images(galleryId) });
    },
  });
}

/** How long a deletion waits for the read side to have it (the gallery's count, lists, groups, search). */
const READ_SIDE_WAIT = 10_000;

/**
 * The read side projects a deletion a moment after the 204: wait, bounded, until it no longer has the image, so
 * what is asked again next is already without it. Any answer but the image itself ends the wait.
 */
async function untilGone(galleryId: string, imageId: string, timeout = READ_SIDE_WAIT) {
  const until = Date.now() + timeout;
  while (Date.now() < until) {
    try {
      await api.images.get(galleryId, imageId);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * Deletes an image; once the read side has it, the gallery's lists, counts, cover and near-duplicate groups are
 * asked again, and every search.
 */
export function useDeleteImage(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (imageId: string) => {
      await api.images.delete(galleryId, imageId);
      await untilGone(galleryId, imageId);
    },
    onSuccess: (_, imageId) => {
      client.removeQueries({ queryKey: keys.image(galleryId, imageId) });
      void client.invalidateQueries({ queryKey: keys.images(galleryId) });
      void client.invalidateQueries({ queryKey: keys.gallery(galleryId) });
      void client.invalidateQueries({ queryKey: keys.cover(galleryId) });
      void client.invalidateQueries({ queryKey: keys.galleries });
      void client.invalidateQueries({ queryKey: keys.searches });
    },
  });
}

/**
 * The gallery's near-duplicate groups (owners and editors only). While a group still lists an image in `deleted`
 * (the read side took longer than useDeleteImage waits) it is asked again every second.
 */
export function useNearDuplicates(galleryId: string, enabled: boolean, deleted: ReadonlySet<string> = new Set()) {
  return useQuery({
    queryKey: keys.duplicates(galleryId),
    queryFn: ({ signal }) => api.images.duplicates(galleryId, undefined, signal),
    enabled,
    refetchInterval: (query) =>
      query.state.data?.groups.some((group) => group.images.some((image) => deleted.has(image.id))) ? 1000 : false,
  });
}

/** How many images wait for a worker, all accounts together; asked every few seconds while `active`. */
export function useProcessingBacklog(active: boolean) {
  return useQuery({
    queryKey: keys.backlog,
    queryFn: ({ signal }) => api.processing.backlog(signal),
    enabled: active,
    refetchInterval: active ? 3000 : false,
    staleTime: 0,
  });
}

export function findImage(data: InfiniteData<ImageList> | undefined, imageId: string) {
  for (const page of data?.pages ?? []) {
    const found = page.images.find((image) => image.id === imageId);
    if (found) return found;
  }
  return undefined;
}

// ---- search ----

/**
 * One search as query options: galleries come with the first page, images a page per cursor. The API client is
 * given TanStack Query's signal, so a search the viewer has typed past (no longer observed) is aborted.
 */
export function searchQuery(term: string) {
  return infiniteQueryOptions({
    queryKey: keys.search(term),
    queryFn: ({ pageParam, signal }) => api.search.query(term, pageParam, SEARCH_PAGE_SIZE, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: SearchResults) => last.nextCursor ?? undefined,
    enabled: term.length > 0,
    staleTime: 30_000,
  });
}

/** The results for a (debounced, normalised) term; the previous term's stay on screen while the next load. */
export function useSearch(term: string) {
  const query = useInfiniteQuery({ ...searchQuery(term), placeholderData: keepPreviousData });
  const galleries = query.data?.pages[0]?.galleries ?? [];
  const images = useMemo(() => query.data?.pages.flatMap((page) => page.images) ?? [], [query.data]);
  return { ...query, galleries, images };
}

// ---- sharing ----

/** The gallery's share links, for those who manage it. */
// ---- members ----

export function useMembers(galleryId: string, enabled = true) {
  return useQuery({
    queryKey: keys.members(galleryId),
    queryFn: ({ signal }) => api.members.list(galleryId, signal),
    enabled,
  });
}

export function useGrantRole(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ username, role }: { username: string; role: MemberRole }) =>
      api.members.grant(galleryId, username, role),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.members(galleryId) }),
  });
}

/** Removing a member, or leaving: what the leaver saw of the gallery may be gone, so it is read again. */
export function useRemoveMember(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (username: string) => api.members.remove(galleryId, username),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: keys.members(galleryId) });
      void client.invalidateQueries({ queryKey: keys.sharedGalleries });
    },
  });
}

export function useShareLinks(galleryId: string, enabled = true) {
  return useQuery({
    queryKey: keys.shareLinks(galleryId),
    queryFn: ({ signal }) => api.shareLinks.ofGallery(galleryId, signal),
    enabled,
  });
}

export function useCreateShareLink(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateShareLink) => api.shareLinks.create(galleryId, input),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.shareLinks(galleryId) }),
  });
}

export function useRevokeShareLink(galleryId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (linkId: string) => api.shareLinks.revoke(linkId),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.shareLinks(galleryId) }),
  });
}

/** The gallery a share link opens (the link is asked about on every request: no retry of a refusal). */
export function useSharedGallery(token: string) {
  return useQuery({
    queryKey: keys.shared(token),
    queryFn: ({ signal }) => api.shared.gallery(token, signal),
    staleTime: 60_000,
  });
}

export function useSharedImages(token: string, enabled: boolean) {
  const query = useInfiniteQuery({
    queryKey: keys.sharedImages(token),
    queryFn: ({ pageParam, signal }) => api.shared.images(token, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last: ImageList) =>
      last.pagination.hasMore && last.pagination.cursor ? last.pagination.cursor : undefined,
    enabled,
    staleTime: 60_000,
  });
  const images = useMemo(() => query.data?.pages.flatMap((page) => page.images) ?? [], [query.data]);
  return { ...query, images };
}

export function useUnlockShare(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.shared.unlock(token, password),
    onSuccess: () => void client.invalidateQueries({ queryKey: keys.shared(token) }),
  });
}
