import { Children, isValidElement, useMemo, type ReactElement, type Ref } from 'react';
import { MasonryPhotoAlbum, type RenderImage, type RenderLink, type RenderTrack } from 'react-photo-album';
import { Link } from 'react-router';
import { GalleryImage } from '../components/GalleryImage';
import { imageProps } from '../components/imageProps';
import { Offscreen } from '../components/Windowing';
import { useSentinel } from '../lib/intersection';
import { albumSpacing, masonryColumns } from '../lib/layouts';
import type { GalleryLayoutProps } from './GalleryLayoutProps';
import { toPhoto, type AlbumPhoto } from './photos';

/** Photos far from the viewport are swapped for boxes of their size (see Windowing). */
const windowedTrack: RenderTrack = ({ children, ...rest }) => (
  <div {...rest}>
    {Children.map(children, (child) =>
      isValidElement(child) ? <Offscreen>{child as ReactElement<{ ref?: Ref<HTMLElement> }>}</Offscreen> : child,
    )}
  </div>
);

/** Each photo is a router link to its lightbox URL (shareable, opens in a new tab, keyboard-operable). */
const routerLink: RenderLink<AlbumPhoto> = ({ href, ...rest }, { photo }) => (
  <Link {...rest} to={href} state={{ fromGallery: true }} data-image-id={photo.key} />
);

export function MasonryView({
  images,
  layout,
  view,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  onImageError,
}: GalleryLayoutProps) {
  const photos = useMemo(() => images.map((image) => toPhoto(image, layout, view)), [images, layout, view]);
  const sentinel = useSentinel(() => {
    if (hasNextPage && !isFetchingNextPage) fetchNextPage();
  }, hasNextPage);

  const renderImage: RenderImage<AlbumPhoto> = ({ className }, { photo, index, width }) => (
    <GalleryImage
      {...imageProps(photo.image)}
      size="small"
      sizes={`${Math.ceil(width)}px`}
      priority={index < 12}
      className={className}
      onError={onImageError}
    />
  );

  return (
    <>
      <MasonryPhotoAlbum
        photos={photos}
        columns={masonryColumns}
        spacing={albumSpacing}
        render={{ track: windowedTrack, link: routerLink, image: renderImage }}
        componentsProps={{ container: { 'aria-label': 'Photos' } }}
      />
      <div ref={sentinel} className="sentinel" aria-hidden="true" />
    </>
  );
}
