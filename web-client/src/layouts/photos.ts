import type { Photo } from 'react-photo-album';
import type { Image } from '../api/types';
import { imagePath, type ListView, type Layout } from '../lib/layouts';
import { selectVariant } from '../lib/variants';

export interface AlbumPhoto extends Photo {
  key: string;
  href: string;
  image: Image;
}

/** An API image as a react-photo-album photo, linking to its lightbox URL. */
export function toPhoto(image: Image, layout: Layout, view: ListView): AlbumPhoto {
  const variant = selectVariant(image.variants, 'small');
  return {
    key: image.id,
    src: variant?.url ?? '',
    width: image.width || variant?.width || 1,
    height: image.height || variant?.height || 1,
    alt: image.alt?.trim() || image.filename,
    href: imagePath(image.galleryId, layout, image.id, view),
    image,
  };
}
