import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'react-router';
import Lightbox, { type SlideshowRef } from 'yet-another-react-lightbox';
import Inline from 'yet-another-react-lightbox/plugins/inline';
import Slideshow from 'yet-another-react-lightbox/plugins/slideshow';
import 'yet-another-react-lightbox/styles.css';
import { GalleryImage } from '../components/GalleryImage';
import { imageProps } from '../components/imageProps';
import type { GalleryLayoutProps } from '../layouts/GalleryLayoutProps';
import { usePrefersReducedMotion } from '../lib/hooks';
import { imagePath } from '../lib/layouts';
import { toSlide } from './slides';

export const SLIDE_DELAY = 5000;

function isTyping(target: EventTarget | null) {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
      target.closest('[role="tablist"]') !== null)
  );
}

/**
 * The slideshow: yet-another-react-lightbox inline with its Slideshow plugin (swipe, preloading, transitions),
 * our own play/pause, progress and counter. Autoplays unless the viewer prefers reduced motion; ←/→ step, Space
 * pauses or plays.
 */
export default function SlideshowView({
  images,
  total,
  layout,
  view,
  hasNextPage,
  isFetchingNextPage,
  fetchNextPage,
  onImageError,
}: GalleryLayoutProps) {
  const reducedMotion = usePrefersReducedMotion();
  const slides = useMemo(() => images.map(toSlide), [images]);
  const [index, setIndex] = useState(0);
  const [playing, setPlaying] = useState(!reducedMotion);
  const slideshow = useRef<SlideshowRef>(null);
  const stage = useRef<HTMLDivElement>(null);
  const current = images[Math.min(index, images.length - 1)];
  const count = Math.max(total ?? 0, images.length);

  // the next page arrives before the show reaches the end of the loaded ones
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && index >= images.length - 5) fetchNextPage();
  }, [index, images.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  useEffect(() => {
    if (reducedMotion) slideshow.current?.pause();
  }, [reducedMotion]);

  // ←/→ and Space anywhere on the page (YARL handles them itself when focus is inside the stage)
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      if (document.querySelector('dialog[open], .yarl__portal')) return;
      if (stage.current?.contains(event.target as Node)) return;
      if (event.key === 'ArrowRight') setIndex((i) => Math.min(i + 1, slides.length - 1));
      else if (event.key === 'ArrowLeft') setIndex((i) => Math.max(i - 1, 0));
      else if (event.key === ' ' && (event.target === document.body || event.target === stage.current)) {
        if (playing) slideshow.current?.pause();
        else slideshow.current?.play();
      } else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [playing, slides.length]);

  if (!current) return null;
  return (
    <div className="slideshow" aria-roledescription="slideshow" aria-label="Slideshow">
      <div className="slideshow-stage" ref={stage}>
        <Lightbox
          plugins={[Inline, Slideshow]}
          slides={slides}
          index={index}
          on={{
            view: ({ index: viewed }) => setIndex(viewed),
            slideshowStart: () => setPlaying(true),
            slideshowStop: () => setPlaying(false),
          }}
          slideshow={{ autoplay: !reducedMotion, delay: SLIDE_DELAY, ref: slideshow }}
          carousel={{ finite: true, preload: 2, padding: 0, spacing: 0 }}
          inline={{ style: { width: '100%', height: '100%' } }}
          labels={{ 'Photo gallery': 'Slideshow' }}
          render={{
            buttonSlideshow: () => null,
            slide: ({ slide, offset, rect }) => {
              const image = slide.image;
              if (!image) return undefined;
              const ratio = (image.width || 4) / (image.height || 3);
              const width = Math.floor(Math.min(rect.width, rect.height * ratio));
              return (
                <GalleryImage
                  {...imageProps(image)}
                  size="large"
                  sizes={`${width}px`}
                  priority={offset === 0}
                  loading="eager"
                  style={{ width }}
                  className="slideshow-image"
                  onError={onImageError}
                />
              );
            },
          }}
        />
      </div>
      <div className="slideshow-bar">
        <button
          type="button"
          className="button button--icon"
          aria-label={playing ? 'Pause slideshow' : 'Play slideshow'}
          aria-pressed={playing}
          onClick={() => (playing ? slideshow.current?.pause() : slideshow.current?.play())}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
            <path fill="currentColor" d={playing ? 'M6 19h4V5H6v14zm8-14v14h4V5h-4z' : 'M8 5v14l11-7z'} />
          </svg>
        </button>
        <div
          className="slideshow-progress"
          role="progressbar"
          aria-label="Position in the slideshow"
          aria-valuemin={1}
          aria-valuemax={count}
          aria-valuenow={index + 1}
        >
          <span className="slideshow-progress-done" style={{ width: `${((index + 1) / count) * 100}%` }} />
          {playing && !reducedMotion && (
            <span key={index} className="slideshow-progress-timer" style={{ animationDuration: `${SLIDE_DELAY}ms` }} />
          )}
        </div>
        <span className="slideshow-counter" aria-live={playing ? 'off' : 'polite'}>
          {index + 1} / {count}
        </span>
        <span className="slideshow-caption">{current.alt?.trim() || current.filename}</span>
        <Link
          className="button button--quiet"
          to={imagePath(current.galleryId, layout, current.id, view)}
          state={{ fromGallery: true }}
        >
          Full screen
        </Link>
      </div>
    </div>
  );
}
