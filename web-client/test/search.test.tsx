import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api, APIError, createApi } from '../src/api/client';
import { createQueryClient, keys, SEARCH_PAGE_SIZE, searchQuery } from '../src/api/queries';
import type { Gallery, SearchResults } from '../src/api/types';
import { SiteSearch } from '../src/search/SiteSearch';
import { resultsSummary, searchTerm } from '../src/search/term';
import { image } from './fixtures';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

const gallery = (overrides: Partial<Gallery> = {}) =>
  ({
    id: '1f7c1a52-3c0e-4a77-8a3e-55d0b0f0e7a2',
    name: 'Summer in Lisbon',
    imageCount: 3,
    visibility: 'public',
    ...overrides,
  }) as Gallery;

const results = (overrides: Partial<SearchResults> = {}): SearchResults => ({
  words: ['lisbon'],
  galleries: [],
  images: [],
  nextCursor: null,
  ...overrides,
});

/** A promise that never settles by itself, and rejects as fetch does when its signal is aborted. */
function pendingUntilAborted(signal: AbortSignal | undefined) {
  return new Promise<never>((_, reject) => {
    const abort = () => reject(new DOMException('aborted', 'AbortError'));
    if (signal?.aborted) abort();
    signal?.addEventListener('abort', abort);
  });
}

describe('searchTerm', () => {
  it('trims and folds white space, so one search is one cache entry', () => {
    expect(searchTerm('  summer   in\tlisbon ')).toBe('summer in lisbon');
    expect(searchTerm('   ')).toBe('');
    expect(searchTerm('')).toBe('');
  });
});

describe('resultsSummary', () => {
  it('counts what was found, for screen readers', () => {
    expect(resultsSummary(0, 0, false)).toBe('No matches');
    expect(resultsSummary(1, 0, false)).toBe('1 gallery');
    expect(resultsSummary(2, 1, false)).toBe('2 galleries and 1 photo');
    expect(resultsSummary(0, 12, true)).toBe('12+ photos');
  });
});

describe('search query', () => {
  it('is keyed by its term, under every search, and asks nothing for an empty term', () => {
    expect(keys.search('lisbon').slice(0, 1)).toEqual([...keys.searches]);
    expect(searchQuery('lisbon').queryKey).toEqual(['search', 'lisbon']);
    expect(searchQuery('lisbon').enabled).toBe(true);
    expect(searchQuery('').enabled).toBe(false);
  });

  it('pages by nextCursor until there is none', () => {
    const { getNextPageParam, initialPageParam } = searchQuery('lisbon');
    expect(initialPageParam).toBeNull();
    const pages = [results({ nextCursor: 'c2' })];
    expect(getNextPageParam(pages[0], pages, null, [null])).toBe('c2');
    expect(getNextPageParam(results(), pages, 'c2', [null, 'c2'])).toBeUndefined();
  });

  it("passes TanStack Query's signal to the client, which aborts the request when the search is cancelled", async () => {
    let signal: AbortSignal | undefined;
    const query = vi.spyOn(api.search, 'query').mockImplementation((_q, _cursor, _limit, given) => {
      signal = given;
      return pendingUntilAborted(given);
    });
    const client = new QueryClient();
    const fetching = client.fetchInfiniteQuery(searchQuery('lisbon')).catch(() => undefined);
    await waitFor(() => expect(query).toHaveBeenCalled());
    expect(query).toHaveBeenCalledWith('lisbon', null, SEARCH_PAGE_SIZE, expect.any(AbortSignal));
    expect(signal!.aborted).toBe(false);
    await client.cancelQueries({ queryKey: keys.searches });
    await fetching;
    expect(signal!.aborted).toBe(true);
  });
});

describe('api.search.query', () => {
  it('sends q, cursor and limit, and gives the request the signal', async () => {
    const requests: Request[] = [];
    const client = createApi({
      baseUrl: 'http://vitrine.test',
      fetch: (request) => {
        requests.push(request);
        return Promise.resolve(json(200, results()));
      },
    });
    const controller = new AbortController();
    await client.search.query('lisbon tram', 'c2', 12, controller.signal);
    const url = new URL(requests[0].url);
    expect(url.pathname).toBe('/api/search');
    expect(url.searchParams.get('q')).toBe('lisbon tram');
    expect(url.searchParams.get('cursor')).toBe('c2');
    expect(url.searchParams.get('limit')).toBe('12');
    controller.abort();
    expect(requests[0].signal.aborted).toBe(true);
  });

  it('rethrows an abort as it is (not as "could not reach Vitrine")', async () => {
    const client = createApi({
      baseUrl: 'http://vitrine.test',
      fetch: (request) => pendingUntilAborted(request.signal),
    });
    const controller = new AbortController();
    const searching = client.search.query('lisbon', null, 12, controller.signal).catch((e: unknown) => e);
    controller.abort();
    const error = await searching;
    expect(error).toBeInstanceOf(DOMException);
    expect((error as DOMException).name).toBe('AbortError');
  });

  it("turns a refused search into an APIError with the server's message", async () => {
    const client = createApi({
      baseUrl: 'http://vitrine.test',
      fetch: () => Promise.resolve(json(400, { error: 'invalid_field', path: 'q', message: 'at most 8 words' })),
    });
    const error = (await client.search.query('a b c d e f g h i').catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(400);
    expect(error.message).toBe('at most 8 words');
    expect(error.fieldErrors).toEqual({ q: 'at most 8 words' });
  });
});

describe('SiteSearch', () => {
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });

  function renderSearch() {
    const client = createQueryClient();
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter>
          <SiteSearch />
        </MemoryRouter>
      </QueryClientProvider>,
    );
    return screen.getByRole('searchbox', { name: 'Search photos' });
  }

  it('lists galleries and photos linking to the gallery and to the lightbox; Escape closes', async () => {
    const photo = image({ filename: 'tram.jpg' });
    const query = vi
      .spyOn(api.search, 'query')
      .mockResolvedValue(
        results({ galleries: [gallery()], images: [{ image: photo, galleryName: 'Summer in Lisbon' }] }),
      );
    const input = renderSearch();
    input.focus();
    fireEvent.change(input, { target: { value: '  lisbon ' } });
    const photoLink = await screen.findByRole('link', { name: /tram\.jpg/ });
    expect(query).toHaveBeenCalledTimes(1);
    expect(query.mock.calls[0][0]).toBe('lisbon');
    expect(photoLink.getAttribute('href')).toBe(`/galleries/${photo.galleryId}/masonry/images/${photo.id}`);
    expect(photoLink.textContent).toContain('Summer in Lisbon');
    expect(screen.getByRole('link', { name: /Summer in Lisbon.*3 images/ }).getAttribute('href')).toBe(
      `/galleries/${gallery().id}/masonry`,
    );
    expect(screen.queryByRole('button', { name: 'More results' })).toBeNull();

    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('link', { name: /Summer in Lisbon.*3 images/ }));
    fireEvent.keyDown(document.activeElement!, { key: 'Escape' });
    expect(screen.queryByRole('region', { name: 'Search results' })).toBeNull();
    expect(document.activeElement).toBe(input);
    expect((input as HTMLInputElement).value).toBe('  lisbon ');
  });

  it('says when nothing matched, and shows the refusal of the server', async () => {
    vi.spyOn(api.search, 'query').mockImplementation((q) =>
      q === '!!!'
        ? Promise.reject(new APIError(400, 'must contain a letter or a digit'))
        : Promise.resolve(results({ words: [q] })),
    );
    const input = renderSearch();
    fireEvent.change(input, { target: { value: 'zebra' } });
    expect(await screen.findByText('No matches for “zebra”')).toBeTruthy();
    fireEvent.change(input, { target: { value: '!!!' } });
    expect((await screen.findByRole('alert')).textContent).toBe('must contain a letter or a digit');
  });

  it('asks nothing for blanks, and loads the next page by its cursor', async () => {
    const first = image({ id: 'a0000000-0000-4000-8000-000000000001', filename: 'one.jpg' });
    const second = image({ id: 'a0000000-0000-4000-8000-000000000002', filename: 'two.jpg' });
    const query = vi
      .spyOn(api.search, 'query')
      .mockImplementation((_q, cursor) =>
        Promise.resolve(
          cursor
            ? results({ images: [{ image: second, galleryName: 'G' }] })
            : results({ images: [{ image: first, galleryName: 'G' }], nextCursor: 'c2' }),
        ),
      );
    const input = renderSearch();
    fireEvent.change(input, { target: { value: '   ' } });
    await act(() => new Promise((resolve) => setTimeout(resolve, 300)));
    expect(query).not.toHaveBeenCalled();
    expect(screen.queryByRole('region', { name: 'Search results' })).toBeNull();

    fireEvent.change(input, { target: { value: 'photo' } });
    fireEvent.click(await screen.findByRole('button', { name: 'More results' }));
    expect(await screen.findByRole('link', { name: /two\.jpg/ })).toBeTruthy();
    expect(screen.getByRole('link', { name: /one\.jpg/ })).toBeTruthy();
    expect(query).toHaveBeenLastCalledWith('photo', 'c2', SEARCH_PAGE_SIZE, expect.any(AbortSignal));
    expect(screen.queryByRole('button', { name: 'More results' })).toBeNull();
  });

  it('aborts the search the viewer has typed past', async () => {
    const signals = new Map<string, AbortSignal>();
    vi.spyOn(api.search, 'query').mockImplementation((q, _cursor, _limit, signal) => {
      signals.set(q, signal!);
      return q === 'lis' ? pendingUntilAborted(signal) : Promise.resolve(results({ words: [q] }));
    });
    const input = renderSearch();
    fireEvent.change(input, { target: { value: 'lis' } });
    await waitFor(() => expect(signals.has('lis')).toBe(true));
    fireEvent.change(input, { target: { value: 'lisbon' } });
    expect(await screen.findByText('No matches for “lisbon”')).toBeTruthy();
    expect(signals.get('lis')!.aborted).toBe(true);
    expect(signals.get('lisbon')!.aborted).toBe(false);
  });
});
