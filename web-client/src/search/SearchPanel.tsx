import { useId } from 'react';
import { Link } from 'react-router';
import type { useSearch } from '../api/queries';
import { GalleryImage } from '../components/GalleryImage';
import { imageCountLabel } from '../lib/labels';
import { DEFAULT_LAYOUT, galleryPath, imagePath } from '../lib/layouts';
import { resultsSummary } from './term';

/** The results under the header's search box: galleries, then photos (a page more on request), or why there are none. */
export default function SearchPanel({
  id,
  term,
  results,
  stale,
  onNavigate,
}: {
  id: string;
  /** the term the results are for */
  term: string;
  results: ReturnType<typeof useSearch>;
  /** the results are for an earlier term: the next are on their way */
  stale: boolean;
  onNavigate: () => void;
}) {
  const headingId = useId();
  const { galleries, images } = results;
  const nothing = galleries.length === 0 && images.length === 0;
  return (
    <div
      id={id}
      className={`search-panel${stale ? ' search-panel--stale' : ''}`}
      role="region"
      aria-label="Search results"
      aria-busy={results.isFetching}
    >
      {results.isError ? (
        // a refused search says why (a 400's message: no letter or digit, too many words)
        <p className="search-message search-message--error" role="alert">
          {results.error instanceof Error ? results.error.message : 'The search failed.'}
        </p>
      ) : results.isPending ? (
        <p className="search-message" role="status">
          Searching…
        </p>
      ) : nothing ? (
        <p className="search-message" role="status">
          No matches for “{term}”
        </p>
      ) : (
        <>
          <p className="visually-hidden" role="status">
            {resultsSummary(galleries.length, images.length, Boolean(results.hasNextPage))}
          </p>
          {galleries.length > 0 && (
            <section className="search-section" aria-labelledby={`${headingId}-galleries`}>
              <h2 className="search-heading" id={`${headingId}-galleries`}>
                Galleries
              </h2>
              <ul className="search-list">
                {galleries.map((gallery) => (
                  <li key={gallery.id}>
                    <Link className="search-result" to={galleryPath(gallery.id)} onClick={onNavigate}>
                      <span className="search-result-icon" aria-hidden="true" />
                      <span className="search-result-text">
                        <span className="search-result-title">{gallery.name}</span>
                        <span className="search-result-meta">{imageCountLabel(gallery.imageCount)}</span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {images.length > 0 && (
            <section className="search-section" aria-labelledby={`${headingId}-images`}>
              <h2 className="search-heading" id={`${headingId}-images`}>
                Photos
              </h2>
              <ul className="search-list">
                {images.map(({ image, galleryName }) => (
                  <li key={image.id}>
                    <Link
                      className="search-result"
                      to={imagePath(image.galleryId, DEFAULT_LAYOUT, image.id)}
                      data-image-id={image.id}
                      onClick={onNavigate}
                    >
                      <span className="search-result-thumb">
                        {/* the smallest variant (the 80×80 crop), its BlurHash until it is in */}
                        <GalleryImage
                          variants={image.variants}
                          blurhash={image.blurhash}
                          alt=""
                          size="thumbnail"
                          fit="cover"
                          sizes="48px"
                        />
                      </span>
                      <span className="search-result-text">
                        <span className="search-result-title">{image.alt?.trim() || image.filename}</span>
                        <span className="search-result-meta">{galleryName}</span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {results.hasNextPage && (
            <button
              type="button"
              className="button button--small button--quiet search-more"
              // not disabled while loading: the button keeps the keyboard focus
              aria-disabled={results.isFetchingNextPage}
              onClick={() => {
                if (!results.isFetchingNextPage) void results.fetchNextPage();
              }}
            >
              {results.isFetchingNextPage ? 'Loading…' : 'More results'}
            </button>
          )}
        </>
      )}
    </div>
  );
}
