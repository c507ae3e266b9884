import { useCallback, useLayoutEffect, useRef, useState, type CSSProperties } from 'react';
import type { ImageVariant, VariantSize } from '../api/types';
import { blurhashAverageColor, paintBlurhash, PLACEHOLDER_SIZE } from '../lib/blurhash';
import { pictureSources } from '../lib/variants';

export interface GalleryImageProps {
  variants: readonly ImageVariant[];
  alt: string;
  blurhash: string | null;
  size: VariantSize;
  /** Intrinsic size of the image, for the reserved aspect ratio (else the chosen variant's) */
  width?: number | null;
  height?: number | null;
  /** Overrides the seed's `sizes` for this size when the layout knows the rendered width */
  sizes?: string;
  /** The LCP / first-row image: loaded eagerly with high priority instead of lazily */
  priority?: boolean;
  /** overrides the lazy/eager choice (a preloaded slideshow slide is off-screen yet wanted now) */
  loading?: 'lazy' | 'eager';
  /** contain (default): the box has the image's aspect ratio; cover: fill the box the parent gives, cropping */
  fit?: 'contain' | 'cover';
  className?: string;
  style?: CSSProperties;
  onClick?: () => void;
  onLoad?: () => void;
  onError?: () => void;
}

/**
 * One picture: AVIF `<source>` then WebP `<img>`, srcset + sizes, the BlurHash painted on a small canvas until the
 * image has loaded, and the aspect ratio reserved so nothing moves when it arrives.
 */
export function GalleryImage({
  variants,
  alt,
  blurhash,
  size,
  width,
  height,
  sizes,
  priority = false,
  loading,
  fit = 'contain',
  className,
  style,
  onClick,
  onLoad,
  onError,
}: GalleryImageProps) {
  const sources = pictureSources(variants, size, sizes);
  const [loaded, setLoaded] = useState(false);
  const canvasRef = useRef<HTMLCanvasElement>(null);

  // painted before the browser paints, so the first frame already shows the placeholder
  useLayoutEffect(() => {
    if (canvasRef.current) paintBlurhash(canvasRef.current, blurhash);
  }, [blurhash]);

  const markLoaded = useCallback(() => {
    setLoaded(true);
    onLoad?.();
  }, [onLoad]);

  // an image already in the memory cache may be complete before React would see its load event
  const imgRef = useCallback(
    (img: HTMLImageElement | null) => {
      if (img && img.complete && img.naturalWidth > 0) markLoaded();
    },
    [markLoaded],
  );

  const w = width || sources.img?.width;
  const h = height || sources.img?.height;
  const boxStyle: CSSProperties = {
    ...(fit === 'contain' && w && h ? { aspectRatio: `${w} / ${h}` } : null),
    backgroundColor: loaded ? undefined : blurhashAverageColor(blurhash),
    ...style,
  };
  // the priority (LCP) image appears at once: a fade would only delay the largest paint
  const classes = ['gi', `gi--${fit}`, priority ? 'gi--instant' : '', onClick ? 'gi--button' : '', className ?? '']
    .filter(Boolean)
    .join(' ');

  const content = (
    <>
      {/* stays mounted (hidden by CSS once loaded) so the image can fade in over it */}
      {blurhash && (
        <canvas
          ref={canvasRef}
          className="gi-placeholder"
          width={PLACEHOLDER_SIZE}
          height={PLACEHOLDER_SIZE}
          aria-hidden="true"
        />
      )}
      {sources.img ? (
        <picture>
          {sources.avif && <source type="image/avif" srcSet={sources.avif} sizes={sources.sizes} />}
          <img
            ref={imgRef}
            className="gi-img"
            src={sources.img.src}
            srcSet={sources.img.srcSet}
            sizes={sources.sizes}
            width={w ?? undefined}
            height={h ?? undefined}
            alt={alt}
            loading={loading ?? (priority ? 'eager' : 'lazy')}
            fetchPriority={priority ? 'high' : undefined}
            decoding={priority ? 'auto' : 'async'}
            draggable={false}
            onLoad={markLoaded}
            onError={onError}
          />
        </picture>
      ) : (
        <span className="gi-missing" role="img" aria-label={alt} />
      )}
    </>
  );

  if (onClick) {
    return (
      <button
        type="button"
        className={classes}
        style={boxStyle}
        data-state={loaded ? 'loaded' : 'loading'}
        onClick={onClick}
      >
        {content}
      </button>
    );
  }
  return (
    <span className={classes} style={boxStyle} data-state={loaded ? 'loaded' : 'loading'}>
      {content}
    </span>
  );
}
