// A thin typed client for the Vitrine API: openapi-fetch types every path, parameter and body from the
// generated contract (schema.ts); this file adds the headers the web client must send and turns every
// refusal into an APIError.
import createClient, { type Middleware } from 'openapi-fetch';
import { takeEarly } from './early';
import type { paths } from './schema';
import type {
  Account,
  CreateGallery,
  Credentials,
  ErrorBody,
  Gallery,
  GalleryList,
  GalleryMember,
  GalleryMembers,
  GalleryTags,
  Image,
  ImageList,
  ImageStatus,
  MemberRole,
  NearDuplicateGroups,
  PresignedUpload,
  ProcessingBacklog,
  Profile,
  SearchResults,
  CreateShareLink,
  ShareLink,
  UnlockGrant,
  UpdateGallery,
  UpdateImage,
  UploadRequest,
} from './types';

/** A refused or failed request. status 0 means the server could not be reached. */
export class APIError extends Error {
  readonly status: number;
  /** The server's error body: {error, path, message, details?, existingId?}; null when there was none. */
  readonly details: ErrorBody | null;

  constructor(status: number, message: string, details: ErrorBody | null = null, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'APIError';
    this.status = status;
    this.details = details;
  }

  /** The stable machine-readable code, e.g. "duplicate_image", "invalid_field", "network_error". */
  get code(): string {
    return this.details?.error ?? (this.status === 0 ? 'network_error' : `http_${this.status}`);
  }

  /** Problems by field path (the single `path` of the body plus every `details` entry). */
  get fieldErrors(): Record<string, string> {
    const fields: Record<string, string> = {};
    const body = this.details;
    if (!body) return fields;
    for (const problem of body.details ?? []) {
      if (problem.path && problem.message && !fields[problem.path]) fields[problem.path] = problem.message;
    }
    if (body.path && !fields[body.path]) fields[body.path] = body.message ?? this.message;
    return fields;
  }
}

export function isAPIError(error: unknown, status?: number): error is APIError {
  return error instanceof APIError && (status === undefined || error.status === status);
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && ('error' in value || 'message' in value);
}

/** Builds the APIError for a non-2xx response from its (already parsed) body. */
export function errorFromResponse(response: Response, body: unknown): APIError {
  const details = isErrorBody(body) ? body : null;
  const message =
    details?.message ||
    (typeof body === 'string' && body.length > 0 && body.length < 200 && !body.trimStart().startsWith('<')
      ? body
      : `${response.status} ${response.statusText || 'request failed'}`.trim());
  return new APIError(response.status, message, details);
}

export function readCookie(name: string, cookies: string = typeof document === 'undefined' ? '' : document.cookie) {
  for (const part of cookies.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** X-Requested-With on every request (a 401 then carries no Basic prompt); the CSRF token on every write. */
const vitrineHeaders: Middleware = {
  onRequest({ request }) {
    request.headers.set('X-Requested-With', 'XMLHttpRequest');
    if (!SAFE_METHODS.has(request.method)) {
      const token = readCookie('XSRF-TOKEN');
      if (token) request.headers.set('X-XSRF-TOKEN', token);
    }
    return request;
  },
};

export interface ApiOptions {
  /** Where the API is; empty (the default) means the page's own origin. */
  baseUrl?: string;
  fetch?: (input: Request) => Promise<Response>;
}

type Result<T> = { data?: T; error?: unknown; response: Response };

export function createApi({ baseUrl = '', fetch: fetchImpl }: ApiOptions = {}) {
  const client = createClient<paths>({
    baseUrl,
    credentials: 'same-origin',
    fetch: fetchImpl ?? ((request: Request) => takeEarly(request) ?? globalThis.fetch(request)),
  });
  client.use(vitrineHeaders);

  async function call<T>(request: Promise<Result<unknown>>): Promise<T> {
    let result: Result<unknown>;
    try {
      result = await request;
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
      throw new APIError(0, 'Could not reach Vitrine. Check your connection and try again.', null, { cause });
    }
    if (!result.response.ok) throw errorFromResponse(result.response, result.error);
    return result.data as T;
  }

  /**
   * A write whose answer is the changed resource, or null when the server accepted it (202) before its read side
   * caught up: the change is made, and the resource is to be asked again rather than taken from the answer.
   */
  async function write<T>(request: Promise<Result<unknown>>): Promise<T | null> {
    return (await call<T | undefined>(request)) ?? null;
  }

  return {
    session: {
      /** The signed-in account, or null when nobody is signed in (204). */
      current: async (signal?: AbortSignal) =>
        (await call<Account | undefined>(client.GET('/api/session', { signal }))) ?? null,
      signIn: (body: Credentials) => call<Account>(client.POST('/api/session', { body })),
      signOut: () => call<void>(client.DELETE('/api/session')),
      register: (body: Credentials) => call<Account>(client.POST('/api/accounts', { body })),
      /** The account with the galleries others shared with it. */
      me: (signal?: AbortSignal) => call<Profile>(client.GET('/api/me', { signal })),
    },
    galleries: {
      /** scope "shared": the galleries others made you a member of, whatever their visibility. */
      list: (cursor?: string | null, limit = 24, signal?: AbortSignal, scope: 'all' | 'shared' = 'all') =>
        call<GalleryList>(
          client.GET('/api/galleries', {
            params: { query: { cursor: cursor ?? undefined, limit, ...(scope === 'all' ? {} : { scope }) } },
            signal,
          }),
        ),
      get: (galleryId: string, signal?: AbortSignal) =>
        call<Gallery>(client.GET('/api/galleries/{galleryId}', { params: { path: { galleryId } }, signal })),
      create: (body: CreateGallery) => write<Gallery>(client.POST('/api/galleries', { body })),
      update: (galleryId: string, body: UpdateGallery) =>
        write<Gallery>(
          client.PATCH('/api/galleries/{galleryId}', {
            params: { path: { galleryId } },
            body,
          }),
        ),
      delete: (galleryId: string) =>
        call<void>(client.DELETE('/api/galleries/{galleryId}', { params: { path: { galleryId } } })),
    },
    images: {
      list: (
        galleryId: string,
        query: {
          cursor?: string | null;
          page?: number;
          limit?: number;
          status?: ImageStatus;
          sort?: 'uploaded' | 'taken';
          tag?: string;
        } = {},
        signal?: AbortSignal,
      ) =>
        call<ImageList>(
          client.GET('/api/galleries/{galleryId}/images', {
            params: {
              path: { galleryId },
              query: { ...query, cursor: query.cursor ?? undefined },
            },
            signal,
          }),
        ),
      get: (galleryId: string, imageId: string, signal?: AbortSignal) =>
        call<Image>(
          client.GET('/api/galleries/{galleryId}/images/{imageId}', {
            params: { path: { galleryId, imageId } },
            signal,
          }),
        ),
      update: (galleryId: string, imageId: string, body: UpdateImage) =>
        write<Image>(
          client.PATCH('/api/galleries/{galleryId}/images/{imageId}', {
            params: { path: { galleryId, imageId } },
            body,
          }),
        ),
      /** Sets the image's tags to exactly these (the server lower-cases them and keeps each once). */
      setTags: (galleryId: string, imageId: string, tags: string[]) =>
        write<Image>(
          client.PUT('/api/galleries/{galleryId}/images/{imageId}/tags', {
            params: { path: { galleryId, imageId } },
            body: tags,
          }),
        ),
      /** The tags of the images the viewer sees in the gallery, most used first. */
      tagCounts: (galleryId: string, signal?: AbortSignal) =>
        call<GalleryTags>(client.GET('/api/galleries/{galleryId}/tags', { params: { path: { galleryId } }, signal })),
      delete: (galleryId: string, imageId: string) =>
        call<void>(
          client.DELETE('/api/galleries/{galleryId}/images/{imageId}', {
            params: { path: { galleryId, imageId } },
          }),
        ),
      /** The gallery's look-alike photos in groups: its owner and editors only (403 for other members). */
      duplicates: (galleryId: string, maxDistance?: number, signal?: AbortSignal) =>
        call<NearDuplicateGroups>(
          client.GET('/api/galleries/{galleryId}/duplicates', {
            params: {
              path: { galleryId },
              query: maxDistance === undefined ? undefined : { maxDistance },
            },
            signal,
          }),
        ),
      reprocess: (galleryId: string, imageId: string) =>
        call<void>(
          client.POST('/api/galleries/{galleryId}/images/{imageId}/reprocess', {
            params: { path: { galleryId, imageId } },
          }),
        ),
    },
    members: {
      /** Who the gallery is shared with: its owner and members may ask. */
      list: (galleryId: string, signal?: AbortSignal) =>
        call<GalleryMembers>(
          client.GET('/api/galleries/{galleryId}/members', { params: { path: { galleryId } }, signal }),
        ),
      /** Adds the account as a member, or changes its role; effective at once. Owner only. */
      grant: (galleryId: string, username: string, role: MemberRole) =>
        call<GalleryMember>(
          client.PUT('/api/galleries/{galleryId}/members/{username}', {
            params: { path: { galleryId, username } },
            body: { role },
          }),
        ),
      /** The owner removes a member; a member removes themselves (leaves). */
      remove: (galleryId: string, username: string) =>
        call<void>(
          client.DELETE('/api/galleries/{galleryId}/members/{username}', {
            params: { path: { galleryId, username } },
          }),
        ),
    },
    shareLinks: {
      ofGallery: (galleryId: string, signal?: AbortSignal) =>
        call<ShareLink[]>(
          client.GET('/api/galleries/{galleryId}/share-links', { params: { path: { galleryId } }, signal }),
        ),
      create: (galleryId: string, body: CreateShareLink) =>
        call<ShareLink>(
          client.POST('/api/galleries/{galleryId}/share-links', { params: { path: { galleryId } }, body }),
        ),
      revoke: (linkId: string) =>
        call<void>(client.DELETE('/api/share-links/{linkId}', { params: { path: { linkId } } })),
    },
    shared: {
      /** The gallery a share link opens; 401 password_required until unlocked, 410 once revoked or expired. */
      gallery: (token: string, signal?: AbortSignal) =>
        call<Gallery>(client.GET('/api/shared/{token}', { params: { path: { token } }, signal })),
      /** Pages of the server's default size: the first is the very URL the page preloads (WebClientRoutes). */
      images: (token: string, cursor?: string | null, signal?: AbortSignal) =>
        call<ImageList>(
          client.GET('/api/shared/{token}/images', {
            params: { path: { token }, query: { cursor: cursor ?? undefined } },
            signal,
          }),
        ),
      /** The grant comes back as an HttpOnly cookie for the link's routes: the browser sends it from then on. */
      unlock: (token: string, password: string) =>
        call<UnlockGrant>(
          client.POST('/api/shared/{token}/unlock', { params: { path: { token } }, body: { password } }),
        ),
    },
    search: {
      /**
       * Galleries and published images the viewer may see matching every word of q (prefixes; a misspelt word is
       * corrected by the server); 400 when q has no letter or digit, or more than 8 words. Galleries come with the
       * first page only; pass nextCursor for more images.
       */
      query: (q: string, cursor?: string | null, limit?: number, signal?: AbortSignal) =>
        call<SearchResults>(
          client.GET('/api/search', { params: { query: { q, cursor: cursor ?? undefined, limit } }, signal }),
        ),
    },
    processing: {
      /** How many images, all accounts together, wait for a worker. */
      backlog: (signal?: AbortSignal) => call<ProcessingBacklog>(client.GET('/api/processing/backlog', { signal })),
    },
    uploads: {
      request: (body: UploadRequest, signal?: AbortSignal) =>
        call<PresignedUpload>(client.POST('/api/uploads', { body, signal })),
      confirm: (uploadId: string, signal?: AbortSignal) =>
        write<Image>(client.POST('/api/uploads/{uploadId}/confirm', { params: { path: { uploadId } }, signal })),
    },
  };
}

export type Api = ReturnType<typeof createApi>;

/** The app's client: same origin, relative URLs. */
export const api: Api = createApi();
