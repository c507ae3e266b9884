import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useCreateGallery, useGalleries, useSession, useSharedGalleries } from '../api/queries';
import { Dialog } from '../components/Dialog';
import { GalleryCard } from '../components/GalleryCard';
import { GalleryForm } from '../components/GalleryForm';
import { ErrorMessage, Spinner } from '../components/Status';
import { useDocumentTitle } from '../lib/hooks';
import { useSentinel } from '../lib/intersection';
import { galleryPath } from '../lib/layouts';

export function HomePage() {
  useDocumentTitle(undefined);
  const session = useSession();
  const account = session.data;
  const list = useGalleries();
  const shared = useSharedGalleries(Boolean(account));
  const [creating, setCreating] = useState(false);
  const create = useCreateGallery();
  const navigate = useNavigate();
  const sentinel = useSentinel(() => {
    if (list.hasNextPage && !list.isFetchingNextPage) void list.fetchNextPage();
  }, Boolean(list.hasNextPage));
  const ready = !session.isPending && !list.isPending;

  return (
    <main className="page" id="main">
      <div className="page-head">
        <div>
          <h1>Galleries</h1>
          <p className="lede">
            {account ? 'Public galleries, and your own.' : 'Public galleries from everyone on Vitrine.'}
          </p>
        </div>
        {ready &&
          (account ? (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              New gallery
            </button>
          ) : (
            <Link className="button" to="/signup">
              Sign up to share your photos
            </Link>
          ))}
      </div>
      {account && shared.data && shared.data.length > 0 && (
        <section className="shared-with-me" aria-labelledby="shared-heading">
          <h2 id="shared-heading">Shared with you</h2>
          <ul className="gallery-grid" aria-label="Shared with you">
            {shared.data.map((gallery) => (
              <GalleryCard key={gallery.id} gallery={gallery} mine={false} priority={false} />
            ))}
          </ul>
        </section>
      )}
      {list.isError ? (
        <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      ) : !ready ? (
        <Spinner label="Loading galleries" />
      ) : list.galleries.length === 0 ? (
        <div className="empty">
          <p>No galleries yet.</p>
          {account && (
            <button type="button" className="button button--primary" onClick={() => setCreating(true)}>
              Create your first gallery
            </button>
          )}
        </div>
      ) : (
        <>
          <ul className="gallery-grid" aria-label="Galleries">
            {list.galleries.map((gallery, index) => (
              <GalleryCard
                key={gallery.id}
                gallery={gallery}
                mine={gallery.ownerId === account?.id}
                priority={index < 3}
              />
            ))}
          </ul>
          <div ref={sentinel} className="sentinel" />
          {list.isFetchingNextPage && <Spinner label="Loading more galleries" />}
        </>
      )}
      <Dialog
        open={creating}
        onClose={() => {
          setCreating(false);
          create.reset();
        }}
        title="New gallery"
      >
        <GalleryForm
          submitLabel="Create gallery"
          pending={create.isPending}
          error={create.error}
          onCancel={() => setCreating(false)}
          onSubmit={({ name, description, visibility }) =>
            create.mutate(
              { name, description, visibility },
              {
                onSuccess: (gallery) => {
                  setCreating(false);
                  // without a body (202), the gallery shows in the list once the read side has it
                  if (gallery) void navigate(galleryPath(gallery.id));
                },
              },
            )
          }
        />
      </Dialog>
    </main>
  );
}
