import { lazy, Suspense, useCallback, useRef, useState } from 'react';
import { Link, Outlet, useNavigate, useParams, useSearchParams } from 'react-router';
import { isAPIError } from '../api/client';
import { useDeleteGallery, useGallery, useGalleryImages, useSession, useUpdateGallery } from '../api/queries';
import type { Gallery, Image } from '../api/types';
import { Dialog } from '../components/Dialog';
import { VisibilityBadge } from '../components/GalleryCard';
import { GalleryForm } from '../components/GalleryForm';
import { GalleryTabs } from '../components/GalleryTabs';
import { ErrorMessage, Spinner } from '../components/Status';
import { NotFound } from '../components/NotFound';
import { MasonryView } from '../layouts/MasonryView';
import { TilesView } from '../layouts/TilesView';
import type { GalleryLayoutProps } from '../layouts/GalleryLayoutProps';
import { useDocumentTitle } from '../lib/hooks';
import { imageCountLabel } from '../lib/labels';
import {
  duplicatesPath,
  galleryPath,
  isLayout,
  PANEL_ID,
  SORTS,
  tabId,
  viewFrom,
  type ImageSort,
  type Layout,
  type ListView,
} from '../lib/layouts';
import { TagFilter } from '../tags/TagFilter';
import { MembersDialog } from '../sharing/MembersDialog';
import { ShareDialog } from '../sharing/ShareDialog';
import { UploadPanel } from '../uploads/UploadPanel';
import { useUploads } from '../uploads/hooks';

const SlideshowView = lazy(() => import('../lightbox/SlideshowView'));

export interface GalleryOutletContext {
  gallery: Gallery;
  layout: Layout;
  view: ListView;
  images: ReturnType<typeof useGalleryImages>;
}

export function GalleryPage() {
  const { galleryId = '', layout } = useParams();
  const [search] = useSearchParams();
  if (!isLayout(layout)) return <NotFound />;
  return <GalleryScreen key={galleryId} galleryId={galleryId} layout={layout} view={viewFrom(search)} />;
}

function GalleryScreen({ galleryId, layout, view }: { galleryId: string; layout: Layout; view: ListView }) {
  const navigate = useNavigate();
  const session = useSession();
  const galleryQuery = useGallery(galleryId);
  const gallery = galleryQuery.data;
  // asked for at once, in parallel with the gallery, for the first paint
  const images = useGalleryImages(galleryId, gallery?.visibility, view);
  const { items: uploads } = useUploads(galleryId);
  const [editing, setEditing] = useState(false);
  const [sharing, setSharing] = useState(false);
  const [membersOpen, setMembersOpen] = useState(false);
  const [uploadsOpen, setUploadsOpen] = useState<boolean>();
  useDocumentTitle(gallery?.name ?? (galleryQuery.isError ? 'Not found' : undefined));

  // a variant URL failed to load: signed URLs expire, so refresh the pages (at most every half minute)
  const lastRefresh = useRef(0);
  const refetchImages = images.refetch;
  const onImageError = useCallback(() => {
    if (Date.now() - lastRefresh.current < 30_000) return;
    lastRefresh.current = Date.now();
    void refetchImages();
  }, [refetchImages]);

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
  // the header waits for both, so nothing moves when the owner's controls arrive
  if (!gallery || session.isPending) {
    return (
      <main className="page" id="main">
        <Spinner label="Loading gallery" />
      </main>
    );
  }

  // what the gallery says the viewer may do (GalleryRole on the server): the buttons follow it
  const role = gallery.yourRole;
  const isOwner = role === 'owner';
  const canEdit = isOwner || role === 'editor';
  const canUpload = canEdit || role === 'contributor';
  const showUploads = canUpload && (uploadsOpen ?? (gallery.imageCount === 0 || uploads.length > 0));
  const layoutProps: GalleryLayoutProps = {
    galleryId,
    layout,
    view,
    images: images.images,
    total: images.total,
    hasNextPage: Boolean(images.hasNextPage),
    isFetchingNextPage: images.isFetchingNextPage,
    fetchNextPage: () => void images.fetchNextPage(),
    onImageError,
  };
  const context: GalleryOutletContext = { gallery, layout, view, images };

  return (
    <main className="page page--gallery" id="main">
      <header className="gallery-header">
        <div className="gallery-heading">
          <h1>{gallery.name}</h1>
          {gallery.description && <p className="gallery-description">{gallery.description}</p>}
          <p className="gallery-meta">
            <span className="gallery-count">{imageCountLabel(gallery.imageCount)}</span>
            {role && <VisibilityBadge visibility={gallery.visibility} />}
            {role && !isOwner && <span className="badge">{role}</span>}
          </p>
        </div>
        {role && (
          <div className="gallery-actions">
            {canUpload && (
              <button
                type="button"
                className="button"
                aria-expanded={showUploads}
                aria-controls="uploads"
                onClick={() => setUploadsOpen(!showUploads)}
              >
                Upload photos
              </button>
            )}
            {canEdit && (
              <button type="button" className="button button--quiet" onClick={() => setSharing(true)}>
                Share
              </button>
            )}
            <button type="button" className="button button--quiet" onClick={() => setMembersOpen(true)}>
              Members
            </button>
            {canEdit && (
              <button type="button" className="button button--quiet" onClick={() => setEditing(true)}>
                Edit gallery
              </button>
            )}
            {canEdit && (
              <Link className="button button--quiet" to={duplicatesPath(galleryId)}>
                Find duplicates
              </Link>
            )}
          </div>
        )}
      </header>
      {showUploads && <UploadPanel galleryId={galleryId} layout={layout} view={view} />}
      <div className="gallery-toolbar">
        <GalleryTabs galleryId={galleryId} active={layout} view={view} />
        <label className="sort-control">
          <span>Sort by</span>
          <select
            value={view.sort}
            onChange={(event) =>
              void navigate(galleryPath(galleryId, layout, { ...view, sort: event.target.value as ImageSort }), {
                replace: true,
              })
            }
          >
            {SORTS.map((option) => (
              <option key={option.id} value={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <TagFilter galleryId={galleryId} layout={layout} view={view} />
      <section
        className={`gallery-panel gallery-panel--${layout}`}
        role="tabpanel"
        id={PANEL_ID}
        aria-labelledby={tabId(layout)}
      >
        {images.isError ? (
          <ErrorMessage error={images.error} onRetry={() => void images.refetch()} />
        ) : images.isPending ? (
          <Spinner label="Loading photos" />
        ) : images.images.length === 0 ? (
          <div className="empty">
            <p>No photos here yet.</p>
            {canUpload && !showUploads && (
              <button type="button" className="button button--primary" onClick={() => setUploadsOpen(true)}>
                Upload photos
              </button>
            )}
          </div>
        ) : layout === 'masonry' ? (
          <MasonryView {...layoutProps} />
        ) : layout === 'tiles' ? (
          <TilesView {...layoutProps} />
        ) : (
          <Suspense fallback={<Spinner label="Loading slideshow" />}>
            <SlideshowView {...layoutProps} />
          </Suspense>
        )}
        {images.isFetchingNextPage && <Spinner label="Loading more photos" />}
      </section>
      {canEdit && (
        <EditGalleryDialog gallery={gallery} images={images.images} open={editing} onClose={() => setEditing(false)} />
      )}
      {canEdit && <ShareDialog gallery={gallery} open={sharing} onClose={() => setSharing(false)} />}
      {role && <MembersDialog gallery={gallery} open={membersOpen} onClose={() => setMembersOpen(false)} />}
      <Outlet context={context} />
    </main>
  );
}

function EditGalleryDialog({
  gallery,
  images,
  open,
  onClose,
}: {
  gallery: Gallery;
  images: Image[];
  open: boolean;
  onClose: () => void;
}) {
  const update = useUpdateGallery(gallery.id);
  const remove = useDeleteGallery(gallery.id);
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  // an editor changes name, description and cover; visibility and deletion are the owner's
  const isOwner = gallery.yourRole === 'owner';
  const close = () => {
    setConfirming(false);
    update.reset();
    remove.reset();
    onClose();
  };
  return (
    <Dialog open={open} onClose={close} title={confirming ? 'Delete gallery?' : 'Edit gallery'}>
      {confirming ? (
        <div className="form">
          <p>
            “{gallery.name}” and its {imageCountLabel(gallery.imageCount)} will be deleted. This cannot be undone.
          </p>
          {remove.error ? <ErrorMessage error={remove.error} /> : null}
          <div className="form-actions">
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              Keep it
            </button>
            <button
              type="button"
              className="button button--danger"
              disabled={remove.isPending}
              onClick={() => remove.mutate(undefined, { onSuccess: () => void navigate('/', { replace: true }) })}
            >
              {remove.isPending ? 'Deleting…' : 'Delete gallery'}
            </button>
          </div>
        </div>
      ) : (
        <>
          <GalleryForm
            gallery={gallery}
            images={images.slice(0, 60)}
            submitLabel="Save"
            visibilityEditable={isOwner}
            pending={update.isPending}
            error={update.error}
            onCancel={close}
            onSubmit={(values) => {
              const patch: Record<string, unknown> = {};
              if (values.name !== gallery.name) patch.name = values.name;
              if (values.description !== (gallery.description ?? null)) patch.description = values.description;
              if (values.visibility !== gallery.visibility) patch.visibility = values.visibility;
              if (values.coverImageId !== (gallery.coverImageId ?? null)) patch.coverImageId = values.coverImageId;
              if (values.showLocations !== gallery.showLocations) patch.showLocations = values.showLocations;
              if (Object.keys(patch).length === 0) return close();
              update.mutate(patch, { onSuccess: close });
            }}
          />
          {isOwner && (
            <div className="danger-zone">
              <button type="button" className="button button--danger-quiet" onClick={() => setConfirming(true)}>
                Delete this gallery…
              </button>
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}
