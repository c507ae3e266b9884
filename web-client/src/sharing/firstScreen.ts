// What the share page shows first, and how: read by the page (SharePage) and by the script that asks for those
// pictures before the page's own script has arrived (share-early.ts), so that both ask for the very same files.
import type { Image, VariantSize } from '../api/types';
import { pictureSources, type PictureSources } from '../lib/variants';

/** About a phone's first screen: eager, high priority, no fade; the largest of them is the LCP. */
export const FIRST_SCREEN = 8;

/** The variant the columns are drawn from (their srcset goes up from it for wider slots). */
export const COLUMN_VARIANT: VariantSize = 'small';

/** The link's token in a share page's path, /s/{token}. */
export function shareToken(pathname: string): string {
  return decodeURIComponent(pathname.split('/')[2] ?? '');
}

/**
 * Photos in columns at their own aspect ratio (no crop), two on a phone. The slot a photo claims is a little under
 * the column's width, so that a phone's 1.75–2× screen takes the 300-pixel variant (sharp enough at this size)
 * rather than the 800-pixel one, a fourfold download for the same look; on phones it is scaled by how much
 * narrower than 300 pixels the small variant is (a portrait's is 225 wide), so that a portrait, too, takes it.
 */
export function columnSizes(image: Image): string {
  const small = image.variants.find((v) => v.size === 'small');
  const phone = Math.round(40 * Math.min(1, small ? small.width / 300 : 1));
  return `(max-width: 699px) ${phone}vw, (max-width: 1099px) 31vw, 300px`;
}

/** The `<picture>` of a photo in the share page's columns. */
export function sharedPicture(image: Image): PictureSources {
  return pictureSources(image.variants, COLUMN_VARIANT, columnSizes(image));
}
