// Shared IntersectionObservers, for the windowing (../components/Windowing.tsx) and the infinite scroll sentinels.
import { useEffect, useEffectEvent, useState } from 'react';

type Listener = (entry: IntersectionObserverEntry) => void;
const observers = new Map<string, { observer: IntersectionObserver; listeners: Map<Element, Listener> }>();

/** One shared IntersectionObserver per root margin. */
export function observe(target: Element, rootMargin: string, listener: Listener) {
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

/** Calls `onVisible` whenever the returned element's ref comes within `rootMargin` of the viewport. */
export function useSentinel(onVisible: () => void, enabled: boolean, rootMargin = '1200px 0px') {
  // the latest onVisible, called from the observer and the timer without restarting them
  const visibleNow = useEffectEvent(onVisible);
  const [node, setNode] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!node || !enabled) return;
    let visible = false;
    const stop = observe(node, rootMargin, (entry) => {
      visible = entry.isIntersecting;
      if (visible) visibleNow();
    });
    // still in view after a page arrived (short pages, tall screens): ask again
    const timer = setInterval(() => visible && visibleNow(), 500);
    return () => {
      stop();
      clearInterval(timer);
    };
  }, [node, enabled, rootMargin]);
  return setNode;
}
