import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { Link } from 'react-router';
import { GalleryImage } from '../components/GalleryImage';
import { imageProps } from '../components/imageProps';
import { imagePath, type ListView, type Layout } from '../lib/layouts';
import { useProcessingBacklog } from '../api/queries';
import { useUploads } from './hooks';
import { processingSummary, stateLabel } from './labels';
import { ACTIVE_STATES, FINISHED_STATES, RETRYABLE_STATES, type UploadItem, type UploadState } from './manager';
import { ACCEPT_ATTRIBUTE, formatBytes } from './validate';

const TONE: Partial<Record<UploadState, string>> = {
  invalid: 'error',
  rejected: 'error',
  failed: 'error',
  stalled: 'warning',
  duplicate: 'warning',
  cancelled: 'muted',
  published: 'success',
};

/** Drop or pick many photos; each shows its progress and then its processing state, live. */
export function UploadPanel({ galleryId, layout, view }: { galleryId: string; layout: Layout; view: ListView }) {
  const { manager, items } = useUploads(galleryId);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const [dragging, setDragging] = useState(0);
  const add = (files: FileList | null) => {
    if (files && files.length > 0) manager.add(galleryId, Array.from(files));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(0);
    add(event.dataTransfer.files);
  };
  const sending = items.filter((item) => ACTIVE_STATES.has(item.state)).length;
  const processing = items.filter((item) => item.state === 'processing').length;
  const published = items.filter((item) => item.state === 'published').length;
  const finished = items.filter((item) => FINISHED_STATES.has(item.state)).length;
  const waiting = useProcessingBacklog(processing > 0).data?.waiting ?? 0;

  return (
    <section className="uploads" id="uploads" aria-labelledby={`${inputId}-title`}>
      <h2 className="visually-hidden" id={`${inputId}-title`}>
        Upload photos
      </h2>
      <div
        className={`dropzone${dragging > 0 ? ' dropzone--active' : ''}`}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging((n) => n + 1);
        }}
        onDragLeave={() => setDragging((n) => Math.max(0, n - 1))}
        onDragOver={(event) => {
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
        }}
        onDrop={onDrop}
      >
        <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
          <path
            fill="currentColor"
            d="M11 16V7.8l-3.3 3.3-1.4-1.4L12 4l5.7 5.7-1.4 1.4L13 7.8V16zm-7 4v-6h2v4h12v-4h2v6z"
          />
        </svg>
        <p>
          <strong>Drop photos here</strong> or{' '}
          <button type="button" className="link-button" onClick={() => input.current?.click()}>
            choose files
          </button>
        </p>
        <p className="dropzone-hint">JPEG, PNG, GIF, WebP, HEIC or AVIF · up to 50 MB each</p>
        <input
          ref={input}
          id={inputId}
          className="visually-hidden"
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          aria-label="Choose photos to upload"
          onChange={(event) => {
            add(event.target.files);
            event.target.value = '';
          }}
        />
      </div>
      {items.length > 0 && (
        <>
          <div className="uploads-summary" role="status">
            <span>
              {published} of {items.length} published
              {sending > 0 && ` · ${sending} uploading`}
              {processingSummary(processing, waiting)}
            </span>
            {finished > 0 && (
              <button
                type="button"
                className="button button--quiet button--small"
                onClick={() => manager.clearFinished(galleryId)}
              >
                Clear finished
              </button>
            )}
          </div>
          <ul className="upload-list" aria-label="Uploads">
            {items.map((item) => (
              <UploadRow key={item.id} item={item} layout={layout} view={view} waiting={waiting} />
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LocalPreview({ file }: { file: File }) {
  const [url, setUrl] = useState<string>();
  const [broken, setBroken] = useState(false);
  useEffect(() => {
    const created = URL.createObjectURL(file);
    // the object URL is an outside resource, made and revoked in pairs here (so StrictMode's second mount gets a
    // live one); it can only reach the render through state, so this one extra render is the point
    // eslint-disable-next-line react-hooks/set-state-in-effect -- see above
    setUrl(created);
    return () => URL.revokeObjectURL(created);
  }, [file]);
  if (!url || broken) return <span className="upload-thumb upload-thumb--empty" aria-hidden="true" />;
  return (
    <img className="upload-thumb" src={url} alt="" decoding="async" loading="lazy" onError={() => setBroken(true)} />
  );
}

function UploadRow({
  item,
  layout,
  view,
  waiting,
}: {
  item: UploadItem;
  layout: Layout;
  view: ListView;
  waiting: number;
}) {
  const { manager } = useUploads(item.galleryId);
  const percent = item.total > 0 ? Math.round((item.loaded / item.total) * 100) : 0;
  const active = ACTIVE_STATES.has(item.state);
  const tone = TONE[item.state] ?? 'info';
  const labelId = `${item.id}-name`;
  return (
    <li className={`upload upload--${tone}`} data-state={item.state} aria-labelledby={labelId}>
      {item.state === 'published' && item.image ? (
        <span className="upload-thumb">
          <GalleryImage {...imageProps(item.image)} size="thumbnail" fit="cover" alt="" />
        </span>
      ) : (
        <LocalPreview file={item.file} />
      )}
      <div className="upload-main">
        <div className="upload-line">
          <span className="upload-name" id={labelId} title={item.file.name}>
            {item.file.name}
          </span>
          <span className="upload-size">{formatBytes(item.file.size)}</span>
        </div>
        {active || item.state === 'processing' ? (
          <progress
            className="upload-progress"
            max={100}
            value={item.state === 'processing' ? undefined : percent}
            aria-label={`${item.file.name}: ${stateLabel(item.state, waiting)}`}
          />
        ) : null}
        <p className="upload-state">
          <span className="upload-state-label">{stateLabel(item.state, waiting)}</span>
          {item.state === 'uploading' && <span> · {percent}%</span>}
          {item.message && item.state !== 'cancelled' && <span className="upload-message"> · {item.message}</span>}
        </p>
      </div>
      <div className="upload-actions">
        {active && (
          <button type="button" className="button button--quiet button--small" onClick={() => manager.cancel(item.id)}>
            Cancel<span className="visually-hidden"> {item.file.name}</span>
          </button>
        )}
        {RETRYABLE_STATES.has(item.state) && (
          <button type="button" className="button button--small" onClick={() => manager.retry(item.id)}>
            Retry<span className="visually-hidden"> {item.file.name}</span>
          </button>
        )}
        {item.state === 'stalled' && item.imageId && (
          <button type="button" className="button button--small" onClick={() => void manager.reprocess(item.id)}>
            Reprocess
          </button>
        )}
        {item.state === 'published' && item.imageId && (
          <Link
            className="button button--quiet button--small"
            to={imagePath(item.galleryId, layout, item.imageId, view)}
          >
            View
          </Link>
        )}
        {item.state === 'duplicate' && item.existingId && (
          <Link
            className="button button--quiet button--small"
            to={imagePath(item.galleryId, layout, item.existingId, view)}
          >
            Show it
          </Link>
        )}
        {!active && item.state !== 'processing' && (
          <button
            type="button"
            className="icon-button"
            aria-label={`Remove ${item.file.name} from the list`}
            onClick={() => manager.remove(item.id)}
          >
            ×
          </button>
        )}
      </div>
    </li>
  );
}
