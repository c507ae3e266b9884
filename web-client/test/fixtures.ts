import type { Image, ImageVariant } from '../src/api/types';

export const BLURHASH = 'LEHV6nWB2yk8pyo0adR*.7kCMdnj';

export function variant(
  size: ImageVariant['size'],
  format: ImageVariant['format'],
  width: number,
  height: number,
): ImageVariant {
  return { size, format, width, height, url: `/media/g/i/1/${size}.${format}`, bytes: width * height };
}

/** A 4000×3000 photo with every WebP and AVIF variant, as the API lists them. */
export const VARIANTS: ImageVariant[] = [
  variant('thumbnail', 'webp', 80, 80),
  variant('small', 'webp', 300, 225),
  variant('medium', 'webp', 800, 600),
  variant('large', 'webp', 1440, 1080),
  variant('thumbnail', 'avif', 80, 80),
  variant('small', 'avif', 300, 225),
  variant('medium', 'avif', 800, 600),
  variant('large', 'avif', 1440, 1080),
];

export function image(overrides: Partial<Image> = {}): Image {
  return {
    id: '7c0e1d4e-6a49-4f7e-9a51-0d7d0a3f6b11',
    galleryId: '1f7c1a52-3c0e-4a77-8a3e-55d0b0f0e7a2',
    filename: 'IMG_0042.jpg',
    alt: null,
    width: 4000,
    height: 3000,
    aspectRatio: 4 / 3,
    blurhash: BLURHASH,
    capture: null,
    tags: [],
    variants: VARIANTS,
    uploadedAt: '2025-01-01T00:00:00Z',
    status: 'published',
    problem: null,
    version: 3,
    ...overrides,
  };
}
