import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { isAPIError } from '../api/client';
import { useDeleteImage, useGallery, useNearDuplicates } from '../api/queries';
import type { Gallery, Image } from '../api/types';
import { Dialog } from '../components/Dialog';
import { GalleryImage } from '../components/GalleryImage';
import { imageProps } from '../components/imageProps';
import { NotFound } from '../components/NotFound';
import { ErrorMessage, Spinner } from '../components/Status';
import { useDocumentTitle } from '../lib/hooks';
import { galleryPath } from '../lib/layouts';
import { dimensionsLabel, uploadedLabel, withoutImages } from './groups';

/** /galleries/:galleryId/duplicates — the gallery's look-alike photos side by side, to keep one of each. */
export function DuplicatesPage() {
  const { galleryId = '' } = useParams();
  return <DuplicatesScreen key={galleryId} galleryId={galleryId} />;
}

function DuplicatesScreen({ galleryId }: { galleryId: string }) {
  const galleryQuery = useGallery(galleryId);
  const gallery = galleryQuery.data;
  // the server decides (403 for other members); the page does not ask when it knows the answer
  const canReview = gallery?.yourRole === 'owner' || gallery?.yourRole === 'editor';
  const [deleted, setDeleted] = useState<ReadonlySet<string>>(() => new Set());
  const duplicates = useNearDuplicates(galleryId, canReview, deleted);
  const [confirming, setConfirming] = useState<Image | null>(null);
  useDocumentTitle(gallery ? `Duplicates in ${gallery.name}` : galleryQuery.isError ? 'Not found' : undefined);

  if (galleryQuery.isError) {
    if (isAPIError(galleryQuery.error, 404) || isAPIError(galleryQuery.error, 400)) {
      return (
        <NotFound title="Gallery not found">
          <p>This gallery does not exist, or it is private.</p>
        </NotFound>
      );
    }
    return (
      <main className="page" id="main">
        <ErrorMessage error={galleryQuery.error} onRetry={() => void galleryQuery.refetch()} />
      </main>
    );
  }
  if (!gallery) {
    return (
      <main className="page" id="main">
        <Spinner label="Loading gallery" />
      </main>
    );
  }

  const groups = withoutImages(duplicates.data?.groups ?? [], deleted);
  return (
    <main className="page" id="main">
      <div className="page-head">
        <div>
          <p className="back-link">
            <Link to={galleryPath(galleryId)}>← {gallery.name}</Link>
          </p>
          <h1>Near-duplicates</h1>
          <p className="lede">Photos in this gallery that look alike: keep the best of each group, delete the rest.</p>
        </div>
      </div>
      {!canReview ? (
        <div className="notice" role="alert">
          <p>Only the gallery’s owner and its editors review its duplicates.</p>
        </div>
      ) : duplicates.isError ? (
        <ErrorMessage error={duplicates.error} onRetry={() => void duplicates.refetch()} />
      ) : duplicates.isPending ? (
        <Spinner label="Looking for near-duplicates" />
      ) : groups.length === 0 ? (
        <div className="empty">
          <p>No near-duplicates in this gallery</p>
          <Link className="button" to={galleryPath(galleryId)}>
            Back to the gallery
          </Link>
        </div>
      ) : (
        <ol className="duplicate-groups" aria-label="Groups of near-duplicates">
          {groups.map((group, index) => (
            <li key={group.images.map((image) => image.id).join()} className="duplicate-group">
              <h2 className="duplicate-group-title">
                Group {index + 1} <span className="duplicate-group-count">{group.images.length} photos</span>
              </h2>
              <ul className="duplicate-images" aria-label={`Group ${index + 1}`}>
                {group.images.map((image) => (
                  <li key={image.id} className="duplicate-image" data-image-id={image.id}>
                    <GalleryImage {...imageProps(image)} size="small" sizes="(max-width: 600px) 50vw, 300px" />
                    <dl className="duplicate-facts">
                      <dt className="visually-hidden">File</dt>
                      <dd className="duplicate-name">{image.filename}</dd>
                      <dt className="visually-hidden">Size</dt>
                      <dd>{dimensionsLabel(image.width, image.height) ?? 'size unknown'}</dd>
                      <dt className="visually-hidden">Uploaded</dt>
                      <dd>
                        <time dateTime={image.uploadedAt}>{uploadedLabel(image.uploadedAt)}</time>
                      </dd>
                    </dl>
                    <button
                      type="button"
                      className="button button--small button--danger-quiet"
                      aria-label={`Delete ${image.filename}`}
                      onClick={() => setConfirming(image)}
                    >
                      Delete
                    </button>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
      <ConfirmDelete
        gallery={gallery}
        image={confirming}
        onClose={() => setConfirming(null)}
        onDeleted={(image) => {
          setDeleted((previous) => new Set(previous).add(image.id));
          setConfirming(null);
        }}
      />
    </main>
  );
}

function ConfirmDelete({
  gallery,
  image,
  onClose,
  onDeleted,
}: {
  gallery: Gallery;
  image: Image | null;
  onClose: () => void;
  onDeleted: (image: Image) => void;
}) {
  const remove = useDeleteImage(gallery.id);
  const close = () => {
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={image !== null} onClose={close} title="Delete photo?">
      {image && (
        <div className="form">
          <p>
            “{image.filename}” will be deleted from “{gallery.name}”, with its variants. This cannot be undone.
          </p>
          {remove.error ? <ErrorMessage error={remove.error} /> : null}
          <div className="form-actions">
            <button type="button" className="button button--quiet" onClick={close}>
              Keep it
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() =>
                remove.mutate(image.id, {
                  onSuccess: () => {
                    remove.reset();
                    onDeleted(image);
                  },
                })
              }
            >
              {remove.isPending ? 'Deleting…' : 'Delete photo'}
            </button>
          </div>
        </div>
      )}
    </Dialog>
  );
}
