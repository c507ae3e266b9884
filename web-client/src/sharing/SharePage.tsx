import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { isAPIError } from '../api/client';
import { useSharedGallery, useSharedImages, useUnlockShare } from '../api/queries';
import type { Gallery, Image } from '../api/types';
import { GalleryImage } from '../components/GalleryImage';
import { imageProps } from '../components/imageProps';
import { ErrorMessage, Missing, Spinner } from '../components/Status';
import { useSentinel } from '../lib/intersection';
import { useDocumentTitle } from '../lib/hooks';
import { imageCountLabel } from '../lib/labels';
import { COLUMN_VARIANT, columnSizes, FIRST_SCREEN } from './firstScreen';

/**
 * /s/{token}: what people who have never heard of Vitrine see first. It has an entry of its own (share.html), with
 * no router: the less script before the first photos, the sooner they are there.
 */
export function SharePage({ token }: { token: string }) {
  const gallery = useSharedGallery(token);
  // asked at once, beside the gallery: the first photos are what a phone waits for
  const images = useSharedImages(token, true);
  const error = gallery.error;
  useDocumentTitle(
    gallery.data?.name ??
      (isAPIError(error, 401)
        ? 'Protected gallery'
        : isAPIError(error, 410)
          ? goneTitle(error.code)
          : isAPIError(error, 404)
            ? 'Link not found'
            : undefined),
  );

  if (isAPIError(error, 401)) return <PasswordPrompt token={token} />;
  if (isAPIError(error, 410)) return <Gone code={error.code} />;
  if (isAPIError(error, 404)) {
    return (
      <Missing
        title="Link not found"
        action={
          <a className="button" href="/">
            Go to Vitrine
          </a>
        }
      >
        <p>This link does not open anything. Check that it was copied whole.</p>
      </Missing>
    );
  }
  if (error) {
    return (
      <main className="page" id="main">
        <ErrorMessage error={error} onRetry={() => void gallery.refetch()} />
      </main>
    );
  }
  if (!gallery.data) {
    return (
      <main className="page" id="main">
        <Spinner label="Opening the shared gallery" />
      </main>
    );
  }
  return <SharedGallery gallery={gallery.data} images={images} />;
}

const REST_AFTER_MS = 4000;

function SharedGallery({ gallery, images }: { gallery: Gallery; images: ReturnType<typeof useSharedImages> }) {
  // The first screen's photos first: the rest join once they are in (or after a while), so that on a slow phone
  // connection they do not share its bandwidth with what the visitor is looking at.
  const [settled, setSettled] = useState(0);
  const [waited, setWaited] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaited(true), REST_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  const firstScreen = Math.min(FIRST_SCREEN, images.images.length);
  const all = waited || (firstScreen > 0 && settled >= firstScreen);
  const shown = all ? images.images : images.images.slice(0, FIRST_SCREEN);
  const settle = useCallback(() => setSettled((count) => count + 1), []);
  const columnCount = useColumnCount();
  const sentinel = useSentinel(
    () => {
      if (images.hasNextPage && !images.isFetchingNextPage) void images.fetchNextPage();
    },
    all && Boolean(images.hasNextPage),
  );
  return (
    <main className="page page--gallery" id="main">
      <header className="gallery-header">
        <div className="gallery-heading">
          <h1>{gallery.name}</h1>
          {gallery.description && <p className="gallery-description">{gallery.description}</p>}
          <p className="gallery-meta">
            <span className="gallery-count">{imageCountLabel(gallery.imageCount)}</span>
            <span className="badge">Shared with you</span>
          </p>
        </div>
      </header>
      <section className="gallery-panel" aria-label="Photos">
        {images.isError ? (
          isAPIError(images.error, 410) ? (
            <Gone code={images.error.code} />
          ) : (
            <ErrorMessage error={images.error} onRetry={() => void images.refetch()} />
          )
        ) : images.isPending ? (
          <Spinner label="Loading photos" />
        ) : images.images.length === 0 ? (
          <div className="empty">
            <p>No photos here yet.</p>
          </div>
        ) : (
          <div className="share-grid" role="list" aria-label="Shared photos">
            {columns(shown, columnCount).map((column, c) => (
              <div key={c} className="share-column">
                {column.map(({ image, index }) => (
                  <div key={image.id} role="listitem" className="share-photo">
                    <GalleryImage
                      {...imageProps(image)}
                      size={COLUMN_VARIANT}
                      sizes={columnSizes(image)}
                      priority={index < FIRST_SCREEN}
                      onLoad={index < FIRST_SCREEN ? settle : undefined}
                      onError={index < FIRST_SCREEN ? settle : undefined}
                    />
                  </div>
                ))}
              </div>
            ))}
          </div>
        )}
        <div ref={sentinel} className="sentinel" aria-hidden="true" />
        {images.isFetchingNextPage && <Spinner label="Loading more photos" />}
      </section>
    </main>
  );
}

function PasswordPrompt({ token }: { token: string }) {
  const unlock = useUnlockShare(token);
  const [password, setPassword] = useState('');
  const wrong = isAPIError(unlock.error, 401);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (password) unlock.mutate(password);
  };
  return (
    <main className="page page--narrow" id="main">
      <h1>This gallery is protected</h1>
      <p>Enter the password you were given with the link.</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="share-unlock">Password</label>
          <input
            id="share-unlock"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={wrong || undefined}
            aria-describedby={wrong ? 'share-unlock-error' : undefined}
            autoFocus
          />
          {wrong && (
            <p className="field-error" id="share-unlock-error">
              That is not the password.
            </p>
          )}
        </div>
        {unlock.error && !wrong ? <ErrorMessage error={unlock.error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={unlock.isPending || !password}>
            {unlock.isPending ? 'Opening…' : 'Open gallery'}
          </button>
        </div>
      </form>
    </main>
  );
}

function goneTitle(code: string) {
  if (code === 'share_link_revoked') return 'This link was revoked';
  if (code === 'share_link_expired') return 'This link has expired';
  return 'This gallery was deleted';
}

function Gone({ code }: { code: string }) {
  const title = goneTitle(code);
  return (
    <main className="page page--narrow not-found" id="main">
      <p className="not-found-code" aria-hidden="true">
        410
      </p>
      <h1>{title}</h1>
      <p>Ask whoever shared it with you for a new link.</p>
    </main>
  );
}

const WIDE = '(min-width: 1100px)';
const MEDIUM = '(min-width: 700px)';

function useColumnCount() {
  const [count, setCount] = useState(() => columnCountNow());
  useEffect(() => {
    const queries = [window.matchMedia(WIDE), window.matchMedia(MEDIUM)];
    const update = () => setCount(columnCountNow());
    queries.forEach((query) => query.addEventListener('change', update));
    return () => queries.forEach((query) => query.removeEventListener('change', update));
  }, []);
  return count;
}

function columnCountNow() {
  if (typeof window === 'undefined' || !window.matchMedia) return 2;
  return window.matchMedia(WIDE).matches ? 4 : window.matchMedia(MEDIUM).matches ? 3 : 2;
}

/**
 * Masonry, in order: each photo goes to the column that is shortest so far (by aspect ratio: columns share a
 * width). Photos appended later never move the ones already placed, so the rest can join after the first screen.
 */
function columns(images: Image[], count: number) {
  const placed = Array.from({ length: count }, () => ({ height: 0, items: [] as { image: Image; index: number }[] }));
  images.forEach((image, index) => {
    const shortest = placed.reduce((best, column) => (column.height < best.height ? column : best));
    shortest.items.push({ image, index });
    shortest.height += image.width && image.height ? image.height / image.width : 1;
  });
  return placed.map((column) => column.items);
}
