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

/** Which of a gallery's photos are listed, and in which order: `?sort=taken&tag=sea` in its URLs. */
export interface ListView {
  sort: ImageSort;
  /** only the photos carrying this tag */
  tag: string | null;
}
export const DEFAULT_VIEW: ListView = { sort: 'uploaded', tag: null };

/** The view a gallery URL asks for; anything it does not say is the default. */
export function viewFrom(search: URLSearchParams): ListView {
  const tag = search.get('tag')?.trim().toLowerCase();
  return { sort: search.get('sort') === 'taken' ? 'taken' : 'uploaded', tag: tag || null };
}

function viewQuery(view: ListView) {
  const query = new URLSearchParams();
  if (view.sort !== 'uploaded') query.set('sort', view.sort);
  if (view.tag) query.set('tag', view.tag);
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const galleryPath = (galleryId: string, layout: Layout = DEFAULT_LAYOUT, view: ListView = DEFAULT_VIEW) =>
  `/galleries/${galleryId}/${layout}${viewQuery(view)}`;
export const imagePath = (galleryId: string, layout: Layout, imageId: string, view: ListView = DEFAULT_VIEW) =>
  `/galleries/${galleryId}/${layout}/images/${imageId}${viewQuery(view)}`;

/** The near-duplicates review of a gallery (its owner and editors). */
export const duplicatesPath = (galleryId: string) => `/galleries/${galleryId}/duplicates`;

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
