import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, renderHook, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api, APIError, createApi } from '../src/api/client';
import { createQueryClient, keys, useDeleteImage } from '../src/api/queries';
import type { Gallery, Image, NearDuplicateGroups } from '../src/api/types';
import { DuplicatesPage } from '../src/duplicates/DuplicatesPage';
import { dimensionsLabel, uploadedLabel, withoutImages } from '../src/duplicates/groups';
import { image } from './fixtures';

const GALLERY_ID = '1f7c1a52-3c0e-4a77-8a3e-55d0b0f0e7a2';
const photo = (n: number, overrides: Partial<Image> = {}) =>
  image({ id: `a0000000-0000-4000-8000-00000000000${n}`, filename: `photo-${n}.jpg`, ...overrides });

const gallery = (yourRole: Gallery['yourRole']) =>
  ({ id: GALLERY_ID, name: 'Copies', imageCount: 3, visibility: 'private', yourRole }) as Gallery;

const groupsOf = (...groups: Image[][]): NearDuplicateGroups => ({
  galleryId: GALLERY_ID,
  maxDistance: 12,
  groups: groups.map((images) => ({ images })),
});

describe('withoutImages', () => {
  it('drops the deleted images, and the groups left with a single photo', () => {
    const groups = groupsOf([photo(1), photo(2), photo(3)], [photo(4), photo(5)]).groups;
    expect(withoutImages(groups, new Set())).toEqual(groups);
    const left = withoutImages(groups, new Set([photo(2).id, photo(5).id]));
    expect(left).toHaveLength(1);
    expect(left[0].images.map((i) => i.filename)).toEqual(['photo-1.jpg', 'photo-3.jpg']);
    expect(withoutImages(groups, new Set([photo(1).id, photo(2).id, photo(4).id]))).toEqual([]);
  });
});

describe('labels', () => {
  it('says the size and when it was uploaded', () => {
    expect(dimensionsLabel(4000, 3000)).toBe('4000 × 3000');
    expect(dimensionsLabel(null, 3000)).toBeNull();
    expect(uploadedLabel('2025-12-07T14:08:00Z', 'en-GB', 'UTC')).toBe('7 Dec 2025, 14:08');
    expect(uploadedLabel('not a date')).toBeNull();
  });
});

describe('near-duplicate queries', () => {
  it("are under the gallery's images: whatever refreshes those refreshes the groups", () => {
    expect(keys.duplicates(GALLERY_ID).slice(0, 2)).toEqual([...keys.images(GALLERY_ID)]);
  });

  it('asks the gallery for its groups, with maxDistance when given', async () => {
    const urls: string[] = [];
    const client = createApi({
      baseUrl: 'http://vitrine.test',
      fetch: (request) => {
        urls.push(request.url);
        return Promise.resolve(
          new Response(JSON.stringify(groupsOf()), { headers: { 'Content-Type': 'application/json' } }),
        );
      },
    });
    await client.images.duplicates(GALLERY_ID);
    await client.images.duplicates(GALLERY_ID, 4);
    expect(urls).toEqual([
      `http://vitrine.test/api/galleries/${GALLERY_ID}/duplicates`,
      `http://vitrine.test/api/galleries/${GALLERY_ID}/duplicates?maxDistance=4`,
    ]);
  });
});

describe('useDeleteImage', () => {
  it('waits until the read side no longer has the image before the gallery is asked again', async () => {
    vi.spyOn(api.images, 'delete').mockResolvedValue(undefined);
    const get = vi
      .spyOn(api.images, 'get')
      .mockResolvedValueOnce(photo(1))
      .mockRejectedValue(new APIError(404, 'no such image'));
    const client = createQueryClient();
    const invalidate = vi.spyOn(client, 'invalidateQueries');
    const { result } = renderHook(() => useDeleteImage(GALLERY_ID), {
      wrapper: ({ children }: { children: ReactNode }) => (
        <QueryClientProvider client={client}>{children}</QueryClientProvider>
      ),
    });
    const deleting = result.current.mutateAsync(photo(1).id);
    await waitFor(() => expect(get).toHaveBeenCalledTimes(1));
    expect(invalidate).not.toHaveBeenCalled();
    await deleting;
    expect(get).toHaveBeenCalledTimes(2);
    const invalidated = invalidate.mock.calls.map(([filters]) => filters?.queryKey);
    expect(invalidated).toEqual(
      expect.arrayContaining([keys.images(GALLERY_ID), keys.gallery(GALLERY_ID), keys.searches]),
    );
  });
});

describe('DuplicatesPage', () => {
  beforeEach(() => {
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
  });

  function renderPage(client: QueryClient = createQueryClient()) {
    render(
      <QueryClientProvider client={client}>
        <MemoryRouter initialEntries={[`/galleries/${GALLERY_ID}/duplicates`]}>
          <Routes>
            <Route path="/galleries/:galleryId/duplicates" element={<DuplicatesPage />} />
          </Routes>
        </MemoryRouter>
      </QueryClientProvider>,
    );
  }

  it('lists each group side by side; a deleted photo goes, and with it a group of two', async () => {
    vi.spyOn(api.galleries, 'get').mockResolvedValue(gallery('owner'));
    const older = photo(1, { width: 4000, height: 3000 });
    const newer = photo(2, { width: 3000, height: 4000 });
    // the read side lags: the first answer after the deletion still lists the photo
    let answers = [groupsOf([newer, older]), groupsOf([newer, older]), groupsOf()];
    const duplicates = vi.spyOn(api.images, 'duplicates').mockImplementation(() => {
      const [next, ...rest] = answers;
      if (rest.length > 0) answers = rest;
      return Promise.resolve(next);
    });
    const remove = vi.spyOn(api.images, 'delete').mockResolvedValue(undefined);
    // the read side has it at once: the image is gone
    const get = vi.spyOn(api.images, 'get').mockRejectedValue(new APIError(404, 'no such image'));
    renderPage();

    const group = await screen.findByRole('list', { name: 'Group 1' });
    const items = within(group).getAllByRole('listitem');
    expect(items.map((item) => item.querySelector('.duplicate-name')?.textContent)).toEqual([
      'photo-2.jpg',
      'photo-1.jpg',
    ]);
    expect(items[0].textContent).toContain('3000 × 4000');
    expect(items[1].textContent).toContain('4000 × 3000');
    expect(items[0].querySelector('time')?.getAttribute('datetime')).toBe(newer.uploadedAt);

    fireEvent.click(within(group).getByRole('button', { name: 'Delete photo-1.jpg' }));
    const dialog = screen.getByRole('dialog', { hidden: true });
    expect(dialog.textContent).toContain('“photo-1.jpg” will be deleted from “Copies”');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Delete photo', hidden: true }));

    expect(await screen.findByText('No near-duplicates in this gallery')).toBeTruthy();
    expect(remove).toHaveBeenCalledWith(GALLERY_ID, older.id);
    expect(get).toHaveBeenCalledWith(GALLERY_ID, older.id);
    // asked again until the read side no longer lists it
    await waitFor(() => expect(duplicates.mock.calls.length).toBeGreaterThanOrEqual(3), { timeout: 3000 });
  });

  it('keeps the photo when the viewer thinks again', async () => {
    vi.spyOn(api.galleries, 'get').mockResolvedValue(gallery('editor'));
    vi.spyOn(api.images, 'duplicates').mockResolvedValue(groupsOf([photo(1), photo(2)]));
    const remove = vi.spyOn(api.images, 'delete');
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Delete photo-2.jpg' }));
    fireEvent.click(screen.getByRole('button', { name: 'Keep it', hidden: true }));
    expect(remove).not.toHaveBeenCalled();
    expect(screen.getByRole('list', { name: 'Group 1' })).toBeTruthy();
  });

  it('does not ask for the groups of a gallery the viewer only sees', async () => {
    vi.spyOn(api.galleries, 'get').mockResolvedValue(gallery('viewer'));
    const duplicates = vi.spyOn(api.images, 'duplicates');
    renderPage();
    expect(await screen.findByText('Only the gallery’s owner and its editors review its duplicates.')).toBeTruthy();
    expect(duplicates).not.toHaveBeenCalled();
  });
});
