// Windowed rendering for long galleries: each photo far off-screen is swapped for an empty box of the size it had,
// so a gallery of 10,000 images keeps only a few screens of pictures (and BlurHash canvases) alive. The same
// technique react-photo-album's InfiniteScroll uses, fed here from TanStack Query's pages instead of its own state.
import {
  cloneElement,
  useCallback,
  useEffect,
  useRef,
  useState,
  type CSSProperties,
  type ReactElement,
  type Ref,
} from 'react';

type Listener = (entry: IntersectionObserverEntry) => void;
const observers = new Map<string, { observer: IntersectionObserver; listeners: Map<Element, Listener> }>();

/** One shared IntersectionObserver per root margin. */
function observe(target: Element, rootMargin: string, listener: Listener) {
  let shared = observers.get(rootMargin);
  if (!shared) {
    const listeners = new Map<Element, Listener>();
    const observer = new IntersectionObserver(
      (entries) => entries.forEach((entry) => listeners.get(entry.target)?.(entry)),
      { rootMargin },
    );
    shared = { observer, listeners };
    observers.set(rootMargin, shared);
  }
  shared.listeners.set(target, listener);
  shared.observer.observe(target);
  return () => {
    shared.listeners.delete(target);
    shared.observer.unobserve(target);
  };
}

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
  const cleanup = useRef<() => void>(undefined);
  const ref = useCallback((node: HTMLElement | null) => {
    cleanup.current?.();
    cleanup.current = undefined;
    if (!node) return;
    cleanup.current = observe(node, OFFSCREEN_MARGIN, ({ isIntersecting, boundingClientRect }) => {
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
  useEffect(() => () => cleanup.current?.(), []);
  return placeholder ? (
    <Placeholder ref={ref} style={placeholder} aria-hidden="true" />
  ) : (
    cloneElement(children, { ref })
  );
}

/** Calls `onVisible` whenever the returned element's ref comes within `rootMargin` of the viewport. */
export function useSentinel(onVisible: () => void, enabled: boolean, rootMargin = '1200px 0px') {
  const callback = useRef(onVisible);
  callback.current = onVisible;
  const [node, setNode] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!node || !enabled) return;
    let visible = false;
    const stop = observe(node, rootMargin, (entry) => {
      visible = entry.isIntersecting;
      if (visible) callback.current();
    });
    // still in view after a page arrived (short pages, tall screens): ask again
    const timer = setInterval(() => visible && callback.current(), 500);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [node, enabled, rootMargin]);
  return setNode;
}
