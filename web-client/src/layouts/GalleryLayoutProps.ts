import type { Image } from '../api/types';
import type { Layout, ListView } from '../lib/layouts';

export interface GalleryLayoutProps {
  galleryId: string;
  layout: Layout;
  /** the order and filter of the photos, kept in every link of the gallery */
  view: ListView;
  images: Image[];
  total?: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** a variant URL failed (a signed URL may have expired): refresh the data */
  onImageError?: () => void;
}
