import type { ImageVariant, VariantFormat, VariantSize } from '../api/types';

export const SIZES: readonly VariantSize[] = ['thumbnail', 'small', 'medium', 'large'];

/** The seed's `sizes` attribute for each variant size. */
export function getSizes(size: VariantSize): string {
  switch (size) {
    case 'thumbnail':
      return '80px';
    case 'small':
      return '(max-width: 768px) 50vw, 300px';
    case 'medium':
      return '(max-width: 768px) 100vw, 800px';
    case 'large':
      return '100vw';
  }
}

/** Format priority for the `<img>` itself: WebP, then AVIF, then whatever there is (JPEG). */
const FORMAT_PRIORITY: readonly VariantFormat[] = ['webp', 'avif', 'jpeg'];

function formatRank(format: VariantFormat) {
  const rank = FORMAT_PRIORITY.indexOf(format);
  return rank === -1 ? FORMAT_PRIORITY.length : rank;
}

/** Sizes to try for a request: the size itself, then larger ones (sharper), then smaller ones. */
function sizePreference(size: VariantSize): VariantSize[] {
  const at = SIZES.indexOf(size);
  // A thumbnail is an 80×80 crop: never stand in for, or be stood in by, a whole picture unless nothing else exists.
  const larger = SIZES.slice(at + 1).filter((s) => s !== 'thumbnail');
  const smaller = SIZES.slice(0, at)
    .reverse()
    .filter((s) => s !== 'thumbnail');
  return [size, ...larger, ...smaller, ...(size === 'thumbnail' ? [] : (['thumbnail'] as const))];
}

/**
 * The variant to show for a requested size: that size if it exists, else the next larger, else the next smaller;
 * within a size WebP first, then AVIF, then the first available. With `format`, only that format.
 */
export function selectVariant(
  variants: readonly ImageVariant[],
  size: VariantSize,
  format?: VariantFormat,
): ImageVariant | undefined {
  const pool = format ? variants.filter((v) => v.format === format) : variants;
  for (const candidate of sizePreference(size)) {
    const matches = pool.filter((v) => v.size === candidate);
    if (matches.length > 0) {
      return matches.reduce((best, v) => (formatRank(v.format) < formatRank(best.format) ? v : best));
    }
  }
  return undefined;
}

/**
 * The srcset of one format: `url {width}w` for each variant showing the whole picture (the 80×80 thumbnail crop is
 * only used for thumbnails), smallest first, one entry per width.
 */
export function buildSrcSet(variants: readonly ImageVariant[], format: VariantFormat, size: VariantSize): string {
  const own = variants.filter(
    (v) => v.format === format && (size === 'thumbnail' ? v.size === 'thumbnail' : v.size !== 'thumbnail'),
  );
  const byWidth = new Map<number, ImageVariant>();
  for (const v of [...own].sort((a, b) => a.width - b.width)) {
    if (!byWidth.has(v.width)) byWidth.set(v.width, v);
  }
  return [...byWidth.values()].map((v) => `${v.url} ${v.width}w`).join(', ');
}

export interface PictureSources {
  /** `<source type="image/avif">` srcset, when AVIF variants exist */
  avif?: string;
  /** the `<img>`: its src, srcset and intrinsic size */
  img?: { src: string; srcSet: string; width: number; height: number; format: VariantFormat };
  sizes: string;
}

/**
 * Everything a `<picture>` needs for a requested size: AVIF source first (when its set is complete and not larger
 * than the WebP), WebP (or JPEG) fallback in the img.
 */
export function pictureSources(
  variants: readonly ImageVariant[],
  size: VariantSize,
  sizes: string = getSizes(size),
): PictureSources {
  const chosen = selectVariant(variants, size);
  if (!chosen) return { sizes };
  // selectVariant prefers WebP, so `chosen` is the <img> fallback; AVIF goes in a <source> before it when the
  // AVIF set covers every size the fallback has (AVIF variants arrive a little after the WebP ones).
  const fallback = chosen;
  const sizesOf = (format: VariantFormat) =>
    new Set(variants.filter((v) => v.format === format && v.size !== 'thumbnail').map((v) => v.size));
  const fallbackSizes = sizesOf(fallback.format);
  const avifSizes = sizesOf('avif');
  const avifComplete =
    fallback.format !== 'avif' &&
    (size === 'thumbnail'
      ? variants.some((v) => v.format === 'avif' && v.size === 'thumbnail')
      : avifSizes.size > 0 && [...fallbackSizes].every((s) => avifSizes.has(s)));
  // AVIF is offered to save bytes: where this image's AVIF is the larger file (it happens, on small, detailed
  // photos), the browser is better served by the WebP it would otherwise skip
  const avifAtSize = variants.find((v) => v.format === 'avif' && v.size === fallback.size);
  const avifLarger = avifAtSize !== undefined && avifAtSize.bytes > fallback.bytes;
  const avif = avifComplete && !avifLarger ? buildSrcSet(variants, 'avif', size) || undefined : undefined;
  return {
    avif,
    img: {
      src: fallback.url,
      srcSet: buildSrcSet(variants, fallback.format, size),
      width: fallback.width,
      height: fallback.height,
      format: fallback.format,
    },
    sizes,
  };
}
