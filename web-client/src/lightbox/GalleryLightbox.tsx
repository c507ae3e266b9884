import { useMemo, useState } from 'react';
import Lightbox from 'yet-another-react-lightbox';
import Zoom from 'yet-another-react-lightbox/plugins/zoom';
import 'yet-another-react-lightbox/styles.css';
import type { Image } from '../api/types';
import { CaptureInfo } from './CaptureInfo';
import { toSlide } from './slides';

export interface GalleryLightboxProps {
  images: Image[];
  index: number;
  /** how many images the gallery has in all (more than `images` while pages are still to come) */
  total?: number;
  onView: (index: number) => void;
  onClose: () => void;
  /** whether the viewer may change the photos' tags */
  canTag?: boolean;
}

/**
 * yet-another-react-lightbox with its Zoom plugin: ←/→/Esc, swipe, pinch, double-tap and wheel zoom (loading the
 * large variant), neighbours preloaded, focus kept inside and given back on close.
 */
export default function GalleryLightbox({
  images,
  index,
  total,
  onView,
  onClose,
  canTag = false,
}: GalleryLightboxProps) {
  const slides = useMemo(() => images.map(toSlide), [images]);
  const current = images[index];
  // the info panel stays open from photo to photo once asked for, as in every photo viewer
  const [infoOpen, setInfoOpen] = useState(false);
  return (
    <Lightbox
      open
      close={onClose}
      index={index}
      slides={slides}
      plugins={[Zoom]}
      zoom={{ scrollToZoom: true, maxZoomPixelRatio: 1.5, doubleClickMaxStops: 2 }}
      carousel={{ finite: true, preload: 2 }}
      controller={{ closeOnBackdropClick: true }}
      on={{ view: ({ index: viewed }) => viewed !== index && onView(viewed) }}
      toolbar={{
        buttons: [
          <button
            key="info"
            type="button"
            className="yarl__button"
            aria-label={infoOpen ? 'Hide photo details' : 'Show photo details'}
            aria-pressed={infoOpen}
            onClick={() => setInfoOpen((open) => !open)}
          >
            <svg className="yarl__icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
              <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
              <path d="M12 10.5v6M12 7.5v.01" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
            </svg>
          </button>,
          'close',
        ],
      }}
      labels={{ Lightbox: current ? `Photo: ${current.alt?.trim() || current.filename}` : 'Photo viewer' }}
      render={{
        controls: () =>
          current ? (
            <>
              {infoOpen && <CaptureInfo image={current} canTag={canTag} />}
              <div className="lightbox-caption" aria-live="polite">
                <span className="lightbox-caption-text">{current.alt?.trim() || current.filename}</span>
                <span className="lightbox-counter">
                  {index + 1} / {Math.max(total ?? 0, images.length)}
                </span>
              </div>
            </>
          ) : null,
      }}
    />
  );
}
