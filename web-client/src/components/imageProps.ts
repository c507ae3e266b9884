import type { Image } from '../api/types';

/** The props of GalleryImage that come from an API image. */
export function imageProps(image: Image) {
  return {
    variants: image.variants,
    alt: image.alt?.trim() || image.filename,
    blurhash: image.blurhash,
    width: image.width,
    height: image.height,
  };
}
