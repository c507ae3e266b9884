import type { SlideImage } from 'yet-another-react-lightbox';
import type { Image } from '../api/types';
import { selectVariant } from '../lib/variants';

declare module 'yet-another-react-lightbox' {
  interface SlideImage {
    /** the API image the slide shows */
    image?: Image;
  }
}

/**
 * A lightbox slide: the large WebP as src and every whole-picture WebP size as srcSet, so the lightbox loads the
 * size it needs and the Zoom plugin switches to the large one when zooming in.
 */
export function toSlide(image: Image): SlideImage {
  const large = selectVariant(image.variants, 'large', 'webp') ?? selectVariant(image.variants, 'large');
  const format = large?.format ?? 'webp';
  const srcSet = image.variants
    .filter((v) => v.format === format && v.size !== 'thumbnail')
    .map((v) => ({ src: v.url, width: v.width, height: v.height }));
  return {
    src: large?.url ?? '',
    width: large?.width ?? image.width ?? undefined,
    height: large?.height ?? image.height ?? undefined,
    alt: image.alt?.trim() || image.filename,
    srcSet,
    image,
  };
}
