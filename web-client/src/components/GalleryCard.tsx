import { Link } from 'react-router';
import { useCover } from '../api/queries';
import type { Gallery } from '../api/types';
import { imageCountLabel } from '../lib/labels';
import { galleryPath } from '../lib/layouts';
import { GalleryImage } from './GalleryImage';
import { imageProps } from './imageProps';

export function VisibilityBadge({ visibility }: { visibility: Gallery['visibility'] }) {
  return <span className={`badge badge--${visibility}`}>{visibility}</span>;
}

export function GalleryCard({ gallery, mine, priority }: { gallery: Gallery; mine: boolean; priority?: boolean }) {
  const cover = useCover(gallery);
  return (
    <li className="gallery-card">
      <Link to={galleryPath(gallery.id)} className="gallery-card-link">
        <span className="gallery-card-cover">
          {cover.data ? (
            <GalleryImage
              {...imageProps(cover.data)}
              alt=""
              size="small"
              fit="cover"
              sizes="(max-width: 600px) 100vw, 360px"
              priority={priority}
            />
          ) : (
            <span className="gallery-card-empty" aria-hidden="true" />
          )}
        </span>
        <span className="gallery-card-text">
          <span className="gallery-card-title">{gallery.name}</span>
          <span className="gallery-card-meta">
            {imageCountLabel(gallery.imageCount)}
            {mine && (
              <>
                <span className="badge badge--mine">yours</span>
                <VisibilityBadge visibility={gallery.visibility} />
              </>
            )}
          </span>
        </span>
      </Link>
    </li>
  );
}
