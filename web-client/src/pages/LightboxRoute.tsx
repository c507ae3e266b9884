import { lazy, Suspense, useEffect, useRef } from 'react';
import { useLocation, useNavigate, useOutletContext, useParams } from 'react-router';
import { isAPIError } from '../api/client';
import { useImage } from '../api/queries';
import { Spinner } from '../components/Status';
import { galleryPath, imagePath } from '../lib/layouts';
import type { GalleryOutletContext } from './GalleryPage';

const GalleryLightbox = lazy(() => import('../lightbox/GalleryLightbox'));

/** How many more pages a reloaded lightbox URL may fetch to find its image among its neighbours. */
const SEARCH_PAGES = 20;

/** How long focus is given back to the viewed photo after the lightbox closes. */
const RESTORE_FOCUS_MS = 1500;

/** /galleries/:id/:layout/images/:imageId — the lightbox over the gallery, one URL per image. */
export function LightboxRoute() {
  const { imageId } = useParams();
  const { gallery, layout, view: listView, images } = useOutletContext<GalleryOutletContext>();
  const navigate = useNavigate();
  const location = useLocation();
  const state = location.state as { fromGallery?: boolean } | null;
  const list = images.images;
  const index = list.findIndex((image) => image.id === imageId);
  const found = index >= 0;
  // not among the loaded pages (a shared or reloaded URL): show it alone while looking for it further on
  const single = useImage(gallery.id, imageId, { enabled: !found });
  const searched = useRef(0);
  useEffect(() => {
    if (found || !images.hasNextPage || images.isFetchingNextPage || searched.current >= SEARCH_PAGES) return;
    searched.current += 1;
    void images.fetchNextPage();
  }, [found, images]);

  const base = galleryPath(gallery.id, layout, listView);
  const close = () => {
    const focusId = imageId;
    if (state?.fromGallery && window.history.length > 1) void navigate(-1);
    else void navigate(base, { replace: true });
    // give focus to the photo that was being viewed, so the page is where the viewer left the lightbox; for a
    // while, since the closing lightbox and the gallery re-rendering (a new photo element) can each take it away;
    // never from something the viewer has moved on to
    const until = performance.now() + RESTORE_FOCUS_MS;
    const restore = () => {
      const target = document.querySelector<HTMLElement>(`[data-image-id="${focusId}"]`);
      const active = document.activeElement;
      const free =
        !active ||
        active === document.body ||
        !active.isConnected ||
        active === target ||
        active.closest('.yarl__root') !== null;
      if (!free) return;
      if (target && active !== target) target.focus();
      if (performance.now() < until) requestAnimationFrame(restore);
    };
    requestAnimationFrame(restore);
  };
  const view = (next: number) => {
    const target = found ? list[next] : undefined;
    if (target) void navigate(imagePath(gallery.id, layout, target.id, listView), { replace: true, state });
    if (next >= list.length - 3 && images.hasNextPage && !images.isFetchingNextPage) void images.fetchNextPage();
  };

  if (!found && isAPIError(single.error, 404)) {
    return (
      <div className="toast" role="alert">
        That photo is not in this gallery.{' '}
        <button type="button" className="button button--quiet" onClick={() => void navigate(base, { replace: true })}>
          Close
        </button>
      </div>
    );
  }
  const slides = found ? list : single.data ? [single.data] : [];
  if (slides.length === 0) return <Spinner label="Opening photo" />;
  return (
    <Suspense fallback={<Spinner label="Opening photo" />}>
      <GalleryLightbox
        images={slides}
        index={found ? index : 0}
        total={found ? images.total : 1}
        onView={view}
        onClose={close}
        // tags are changed by those who may change every image; a contributor tags their own through the API
        canTag={gallery.yourRole === 'owner' || gallery.yourRole === 'editor'}
      />
    </Suspense>
  );
}
