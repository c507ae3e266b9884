import type { Image } from '../api/types';
import type { Layout } from '../lib/layouts';

export interface GalleryLayoutProps {
  galleryId: string;
  layout: Layout;
  images: Image[];
  total?: number;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => void;
  /** a variant URL failed (a signed URL may have expired): refresh the data */
  onImageError?: () => void;
}
