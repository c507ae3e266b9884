export const LAYOUTS = [
  { id: 'slideshow', label: 'Slideshow' },
  { id: 'masonry', label: 'Masonry' },
  { id: 'tiles', label: 'Tiles' },
] as const;

export type Layout = (typeof LAYOUTS)[number]['id'];
export const DEFAULT_LAYOUT: Layout = 'masonry';

export function isLayout(value: string | undefined): value is Layout {
  return LAYOUTS.some((layout) => layout.id === value);
}

/** The ids tying the layout tabs to the panel they control. */
export const tabId = (layout: Layout) => `tab-${layout}`;
export const PANEL_ID = 'gallery-panel';

export const galleryPath = (galleryId: string, layout: Layout = DEFAULT_LAYOUT) => `/galleries/${galleryId}/${layout}`;
export const imagePath = (galleryId: string, layout: Layout, imageId: string) =>
  `${galleryPath(galleryId, layout)}/images/${imageId}`;

/** Masonry columns by container width: 2 on a phone up to 7 on a 4K screen. */
export function masonryColumns(containerWidth: number) {
  if (containerWidth < 560) return 2;
  if (containerWidth < 900) return 3;
  if (containerWidth < 1400) return 4;
  if (containerWidth < 2000) return 5;
  if (containerWidth < 2800) return 6;
  return 7;
}

export const albumSpacing = (containerWidth: number) => (containerWidth < 600 ? 6 : containerWidth < 1600 ? 10 : 14);
