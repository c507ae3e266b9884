import { Link } from 'react-router';
import { useGalleryTags } from '../api/queries';
import { galleryPath, type Layout, type ListView } from '../lib/layouts';

/** The gallery's tags as filter chips (with how many photos carry each); the chosen one is in the URL. */
export function TagFilter({ galleryId, layout, view }: { galleryId: string; layout: Layout; view: ListView }) {
  const tags = useGalleryTags(galleryId);
  const counts = tags.data?.tags ?? [];
  if (counts.length === 0 && !view.tag) return null;
  return (
    <nav className="tag-filter" aria-label="Filter by tag">
      <Link
        className="tag-chip"
        to={galleryPath(galleryId, layout, { ...view, tag: null })}
        aria-current={view.tag === null ? 'page' : undefined}
        replace
      >
        All
      </Link>
      {counts.map(({ tag, count }) => (
        <Link
          key={tag}
          className="tag-chip"
          to={galleryPath(galleryId, layout, { ...view, tag })}
          aria-current={view.tag === tag ? 'page' : undefined}
          replace
        >
          {tag} <span className="tag-count">{count}</span>
        </Link>
      ))}
    </nav>
  );
}
