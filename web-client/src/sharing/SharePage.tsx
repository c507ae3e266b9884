import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { isAPIError } from '../api/client';
import { useSharedGallery, useSharedImages, useUnlockShare } from '../api/queries';
import type { Gallery } from '../api/types';
import { GalleryImage } from '../components/GalleryImage';
import { imageProps } from '../components/imageProps';
import { ErrorMessage, NotFound, Spinner } from '../components/Status';
import { useSentinel } from '../lib/intersection';
import { useDocumentTitle } from '../lib/hooks';
import { imageCountLabel } from '../lib/labels';

/** /s/{token}: what people who have never heard of Vitrine see first. */
export function SharePage() {
  const { token = '' } = useParams();
  const gallery = useSharedGallery(token);
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
      <NotFound title="Link not found">
        <p>This link does not open anything. Check that it was copied whole.</p>
      </NotFound>
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
  return <SharedGallery token={token} gallery={gallery.data} />;
}

function SharedGallery({ token, gallery }: { token: string; gallery: Gallery }) {
  const images = useSharedImages(token, true);
  const sentinel = useSentinel(() => {
    if (images.hasNextPage && !images.isFetchingNextPage) void images.fetchNextPage();
  }, Boolean(images.hasNextPage));
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
      <section className="gallery-panel gallery-panel--tiles" aria-label="Photos">
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
          <ul className="tiles" aria-label="Shared photos">
            {images.images.map((image, index) => (
              <li key={image.id} className="tile">
                <GalleryImage {...imageProps(image)} size="small" fit="cover" priority={index < 6} />
              </li>
            ))}
          </ul>
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
