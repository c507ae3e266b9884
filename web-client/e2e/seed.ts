// Creates galleries of real, published images through the API (presign → PUT → confirm), much faster than the UI.
// Small fixture photos are made unique by bytes appended after the end of the JPEG (decoders ignore them; the
// backend refuses the same bytes twice in one gallery).
import { readFileSync } from 'node:fs';
import { fixture, PASSWORD } from './support';

export interface SeedOptions {
  baseURL: string;
  count: number;
  concurrency?: number;
  visibility?: 'public' | 'unlisted' | 'private';
  fixtures?: string[];
  /** wait until the AVIF variants (encoded after publishing) are there too */
  waitForAvif?: boolean;
  log?: (message: string) => void;
}

const SMALL_PHOTOS = [
  'Landscape_1.jpg',
  'Landscape_2.jpg',
  'Landscape_3.jpg',
  'Landscape_4.jpg',
  'Landscape_5.jpg',
  'Landscape_6.jpg',
  'Landscape_7.jpg',
  'Landscape_8.jpg',
  'Portrait_6.jpg',
];

class SeedApi {
  constructor(
    private readonly baseURL: string,
    private readonly authorization?: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(new URL(path, this.baseURL), {
      method,
      headers: {
        'X-Requested-With': 'XMLHttpRequest',
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...(this.authorization ? { Authorization: this.authorization } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

export async function seedGallery({
  baseURL,
  count,
  concurrency = 8,
  visibility = 'public',
  fixtures = SMALL_PHOTOS,
  waitForAvif = true,
  log = () => {},
}: SeedOptions) {
  const username = `perf-${Date.now().toString(36)}`;
  await new SeedApi(baseURL).call('POST', '/api/accounts', { username, password: PASSWORD });
  // API clients sign each request with HTTP Basic (no session, so no CSRF token)
  const api = new SeedApi(baseURL, `Basic ${Buffer.from(`${username}:${PASSWORD}`).toString('base64')}`);
  const gallery = await api.call<{ id: string }>('POST', '/api/galleries', {
    name: `${count} photos`,
    description: 'Seeded for the performance test',
    visibility,
  });
  const sources = fixtures.map((name) => readFileSync(fixture(name)));
  const started = Date.now();

  let next = 0;
  async function worker() {
    while (next < count) {
      const index = next++;
      const bytes = Buffer.concat([
        sources[index % sources.length],
        Buffer.from(`\nvitrine-seed-${gallery.id}-${index}\n`),
      ]);
      const presigned = await api.call<{
        uploadId: string;
        presignedUrl: string;
        method: string;
        headers: Record<string, string>;
      }>('POST', '/api/uploads', {
        filename: `photo-${String(index).padStart(5, '0')}.jpg`,
        contentType: 'image/jpeg',
        size: bytes.length,
        galleryId: gallery.id,
      });
      const put = await fetch(presigned.presignedUrl, {
        method: presigned.method || 'PUT',
        headers: presigned.headers,
        body: bytes,
      });
      if (!put.ok) throw new Error(`PUT ${index}: ${put.status} ${await put.text()}`);
      await api.call('POST', `/api/uploads/${presigned.uploadId}/confirm`);
      if ((index + 1) % 100 === 0)
        log(`uploaded ${index + 1}/${count} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));

  // wait for processing to publish them all
  for (;;) {
    const current = await api.call<{ imageCount: number }>('GET', `/api/galleries/${gallery.id}`);
    if (current.imageCount >= count) break;
    const rejected = await api.call<{ pagination: { total: number } }>(
      'GET',
      `/api/galleries/${gallery.id}/images?status=rejected&limit=1`,
    );
    if (rejected.pagination.total > 0) throw new Error(`${rejected.pagination.total} seeded images were rejected`);
    if (Date.now() - started > 8 * 60_000)
      throw new Error(`only ${current.imageCount}/${count} published after 8 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
  log(`${count} images published in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  const seconds = (Date.now() - started) / 1000;
  if (waitForAvif) await avifComplete(api, gallery.id, count, log);
  return { galleryId: gallery.id, username, seconds };
}

/**
 * Published means the WebP set is there; the AVIF set follows. On two cores that encoding would compete with the
 * browser being measured, so wait (bounded) until every image has it: the gallery's steady state.
 */
async function avifComplete(api: SeedApi, galleryId: string, count: number, log: (message: string) => void) {
  const started = Date.now();
  let withAvif = 0;
  while (Date.now() - started < 8 * 60_000) {
    withAvif = 0;
    let cursor: string | null = null;
    do {
      const page: {
        images: { variants: { format: string }[] }[];
        pagination: { cursor: string | null; hasMore: boolean };
      } = await api.call(
        'GET',
        `/api/galleries/${galleryId}/images?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      withAvif += page.images.filter((image) => image.variants.some((v) => v.format === 'avif')).length;
      cursor = page.pagination.hasMore ? page.pagination.cursor : null;
    } while (cursor);
    if (withAvif >= count) {
      log(`AVIF sets complete after ${((Date.now() - started) / 1000).toFixed(0)} s more`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
  log(`only ${withAvif}/${count} AVIF sets after 8 minutes: measuring anyway`);
}
