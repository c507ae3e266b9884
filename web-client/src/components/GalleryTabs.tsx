import { useRef, type KeyboardEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { galleryPath, LAYOUTS, PANEL_ID, tabId, type ListView, type Layout } from '../lib/layouts';

/** Slideshow | Masonry | Tiles: a tablist of links (the active layout is in the URL), arrows/Home/End move. */
export function GalleryTabs({ galleryId, active, view }: { galleryId: string; active: Layout; view: ListView }) {
  const navigate = useNavigate();
  const tabs = useRef<(HTMLAnchorElement | null)[]>([]);
  const onKeyDown = (event: KeyboardEvent) => {
    const current = LAYOUTS.findIndex((layout) => layout.id === active);
    let next: number;
    switch (event.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        next = (current + 1) % LAYOUTS.length;
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        next = (current - 1 + LAYOUTS.length) % LAYOUTS.length;
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = LAYOUTS.length - 1;
        break;
      default:
        return;
    }
    event.preventDefault();
    event.stopPropagation();
    void navigate(galleryPath(galleryId, LAYOUTS[next].id, view), { replace: true });
    tabs.current[next]?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label="Layout" onKeyDown={onKeyDown}>
      {LAYOUTS.map((layout, index) => {
        const selected = layout.id === active;
        return (
          <Link
            key={layout.id}
            ref={(node) => {
              tabs.current[index] = node;
            }}
            to={galleryPath(galleryId, layout.id, view)}
            replace
            role="tab"
            id={tabId(layout.id)}
            className="tab"
            aria-selected={selected}
            aria-controls={PANEL_ID}
            tabIndex={selected ? 0 : -1}
          >
            <TabIcon layout={layout.id} />
            {layout.label}
          </Link>
        );
      })}
    </div>
  );
}

function TabIcon({ layout }: { layout: Layout }) {
  const paths: Record<Layout, string> = {
    slideshow: 'M3 6h14v12H3zM19 8h2v8h-2z',
    masonry: 'M3 3h8v10H3zM13 3h8v6h-8zM3 15h8v6H3zM13 11h8v10h-8z',
    tiles: 'M3 3h8v8H3zM13 3h8v8h-8zM3 13h8v8H3zM13 13h8v8h-8z',
  };
  return (
    <svg className="tab-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <path d={paths[layout]} fill="currentColor" />
    </svg>
  );
}
