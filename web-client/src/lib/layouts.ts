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

/** The order of a gallery's photos (the API's ?sort): by upload, the default, or by when they were taken. */
export type ImageSort = 'uploaded' | 'taken';
export const SORTS: readonly { id: ImageSort; label: string }[] = [
  { id: 'uploaded', label: 'Date uploaded' },
  { id: 'taken', label: 'Date taken' },
];

/** The order a gallery URL asks for (`?sort=taken`); anything else is the default. */
export function sortFrom(search: URLSearchParams): ImageSort {
  return search.get('sort') === 'taken' ? 'taken' : 'uploaded';
}

const sortQuery = (sort: ImageSort) => (sort === 'taken' ? '?sort=taken' : '');

export const galleryPath = (galleryId: string, layout: Layout = DEFAULT_LAYOUT, sort: ImageSort = 'uploaded') =>
  `/galleries/${galleryId}/${layout}${sortQuery(sort)}`;
export const imagePath = (galleryId: string, layout: Layout, imageId: string, sort: ImageSort = 'uploaded') =>
  `/galleries/${galleryId}/${layout}/images/${imageId}${sortQuery(sort)}`;

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
