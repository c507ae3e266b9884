// Windowed rendering for long galleries: each photo far off-screen is swapped for an empty box of the size it had,
// so a gallery of 10,000 images keeps only a few screens of pictures (and BlurHash canvases) alive. The same
// technique react-photo-album's InfiniteScroll uses, fed here from TanStack Query's pages instead of its own state.
import { cloneElement, useCallback, useState, type CSSProperties, type ReactElement, type Ref } from 'react';
import { observe } from '../lib/intersection';

const OFFSCREEN_MARGIN = '1500px 0px';

/** Renders its child while it is within ~2 screens of the viewport, else a box of the child's last size. */
export function Offscreen({
  children,
  as: Placeholder = 'div',
}: {
  children: ReactElement<{ ref?: Ref<HTMLElement> }>;
  /** the placeholder's element, matching the child's context (li in a list) */
  as?: 'div' | 'li';
}) {
  const [placeholder, setPlaceholder] = useState<CSSProperties>();
  // observes the rendered element (the child's, else the placeholder) until React detaches it
  const ref = useCallback((node: HTMLElement | null) => {
    if (!node) return;
    return observe(node, OFFSCREEN_MARGIN, ({ isIntersecting, boundingClientRect }) => {
      if (isIntersecting) {
        setPlaceholder(undefined);
        return;
      }
      const { width, height } = boundingClientRect;
      if (width === 0 || height === 0) return;
      const { marginTop, marginRight, marginBottom, marginLeft } = getComputedStyle(node);
      setPlaceholder(
        (previous) =>
          previous ?? {
            width: '100%',
            aspectRatio: `${width} / ${height}`,
            margin: `${marginTop} ${marginRight} ${marginBottom} ${marginLeft}`,
          },
      );
    });
  }, []);
  return placeholder ? (
    <Placeholder ref={ref} style={placeholder} aria-hidden="true" />
  ) : (
    cloneElement(children, { ref })
  );
}
