import { Link } from 'react-router';
import { GalleryImage } from '../components/GalleryImage';
import { imageProps } from '../components/imageProps';
import { Offscreen } from '../components/Windowing';
import { useSentinel } from '../lib/intersection';
import { imagePath } from '../lib/layouts';
import type { GalleryLayoutProps } from './GalleryLayoutProps';

/** Square tiles in a CSS grid (auto-fill columns: no layout math), each cropped to fill its square. */
export function TilesView({
  images,
  layout,
  view,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  onImageError,
}: GalleryLayoutProps) {
  const sentinel = useSentinel(() => {
    if (hasNextPage && !isFetchingNextPage) fetchNextPage();
  }, hasNextPage);
  return (
    <>
      <ul className="tiles" aria-label="Photos">
        {images.map((image, index) => (
          <Offscreen key={image.id} as="li">
            <li className="tile">
              <Link
                to={imagePath(image.galleryId, layout, image.id, view)}
                state={{ fromGallery: true }}
                className="tile-link"
                data-image-id={image.id}
              >
                <GalleryImage
                  {...imageProps(image)}
                  size="small"
                  fit="cover"
                  priority={index < 16}
                  onError={onImageError}
                />
              </Link>
            </li>
          </Offscreen>
        ))}
      </ul>
      <div ref={sentinel} className="sentinel" aria-hidden="true" />
    </>
  );
}
