import type { NearDuplicateGroup } from '../api/types';

/**
 * The groups without the images already deleted (the read side may list them for a moment more); a group left with
 * one photo is no group any more.
 */
export function withoutImages(groups: readonly NearDuplicateGroup[], deleted: ReadonlySet<string>) {
  if (deleted.size === 0) return groups.filter((group) => group.images.length > 1);
  return groups
    .map((group) => ({ ...group, images: group.images.filter((image) => !deleted.has(image.id)) }))
    .filter((group) => group.images.length > 1);
}

/** "4000 × 3000"; null while the size is not known. */
export const dimensionsLabel = (width: number | null | undefined, height: number | null | undefined) =>
  width && height ? `${width} × ${height}` : null;

/** "7 Dec 2025, 14:08" in the viewer's time zone. */
export function uploadedLabel(uploadedAt: string, locale?: string, timeZone?: string) {
  const date = new Date(uploadedAt);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(date);
}
