import type { Image } from '../api/types';
import type { ImageSort, Layout } from '../lib/layouts';

export interface GalleryLayoutProps {
  galleryId: string;
  layout: Layout;
  /** the order the photos are in, kept in every link of the gallery */
  sort: ImageSort;
  images: Image[];
  total?: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** a variant URL failed (a signed URL may have expired): refresh the data */
  onImageError?: () => void;
}
