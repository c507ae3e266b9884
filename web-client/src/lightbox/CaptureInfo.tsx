import type { Image } from '../api/types';
import { cameraLabel, exposureSummary, mapLink, takenAtLabel } from '../lib/capture';
import { ImageTags } from '../tags/ImageTags';

/**
 * The lightbox's info panel: when, with what and how the photo was taken, where for those who may know, and its
 * tags.
 */
export function CaptureInfo({ image, canTag }: { image: Image; canTag: boolean }) {
  const capture = image.capture;
  const rows: [string, string | null][] = capture
    ? [
        ['Taken', takenAtLabel(capture)],
        ['Camera', cameraLabel(capture)],
        ['Lens', capture.lens ?? null],
        ['Exposure', exposureSummary(capture)],
      ]
    : [];
  const known = rows.filter((row): row is [string, string] => row[1] !== null);
  const map = capture ? mapLink(capture) : null;
  return (
    <aside className="capture-info" aria-label="Photo details">
      <h2 className="capture-info-title">{image.alt?.trim() || image.filename}</h2>
      {known.length > 0 ? (
        <dl className="capture-info-list">
          {known.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="capture-info-none">The file says nothing of how this photo was taken.</p>
      )}
      <ImageTags image={image} editable={canTag} />
      {map && (
        <a className="capture-info-map" href={map} target="_blank" rel="noreferrer noopener">
          Show where it was taken on a map
        </a>
      )}
    </aside>
  );
}
