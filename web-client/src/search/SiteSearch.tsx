import { lazy, Suspense, useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useSearch } from '../api/queries';
import { useDebouncedValue } from '../lib/hooks';
import { SEARCH_DEBOUNCE_MS, searchTerm } from './term';

// the results (with the picture component) in a script of their own, fetched when the box is first used
const loadPanel = () => import('./SearchPanel');
const SearchPanel = lazy(loadPanel);

/**
 * The header's search box: results as you type (debounced; a search typed past is aborted), galleries and photos in
 * a panel under the box. Arrow keys move between the box and the results, Escape closes the panel (a second Escape
 * empties the box), and so does a click elsewhere or focus leaving the search.
 */
export function SiteSearch() {
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const term = searchTerm(text);
  const debounced = useDebouncedValue(term, SEARCH_DEBOUNCE_MS);
  const results = useSearch(debounced);
  const rootRef = useRef<HTMLFormElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  /** focus given back to the box by Escape: that focus must not open the panel again */
  const refocusing = useRef(false);
  const panelId = useId();
  const showPanel = open && term.length > 0 && debounced.length > 0;

  // a click anywhere else closes the panel (focus may not move: a click on the page's background)
  useEffect(() => {
    if (!showPanel) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [showPanel]);

  const close = () => setOpen(false);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Escape' && showPanel) {
      // the panel goes; the text stays (a search input's own Escape would empty it)
      event.preventDefault();
      setOpen(false);
      refocusing.current = document.activeElement !== inputRef.current;
      inputRef.current?.focus();
      refocusing.current = false;
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const panel = document.getElementById(panelId);
    if (!panel) {
      if (event.key === 'ArrowDown' && term) setOpen(true);
      return;
    }
    const stops = [inputRef.current, ...panel.querySelectorAll<HTMLElement>('a[href], button:not(:disabled)')];
    const at = Math.max(stops.indexOf(document.activeElement as HTMLElement), 0);
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, stops.length - 1) : Math.max(at - 1, 0);
    if (next !== at) {
      event.preventDefault();
      stops[next]?.focus();
    }
  };

  const stale = results.isPlaceholderData || term !== debounced;

  return (
    <form
      ref={rootRef}
      className="site-search"
      role="search"
      onSubmit={(event) => {
        event.preventDefault();
        if (term) setOpen(true);
      }}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // keyboard focus moving out of the search (to the page, the account menu) closes the panel
        const to = event.relatedTarget;
        if (to instanceof Node && !event.currentTarget.contains(to)) setOpen(false);
      }}
    >
      <input
        ref={inputRef}
        type="search"
        className="site-search-input"
        aria-label="Search photos"
        placeholder="Search photos"
        autoComplete="off"
        spellCheck={false}
        maxLength={200}
        enterKeyHint="search"
        value={text}
        aria-controls={showPanel ? panelId : undefined}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
        }}
        onFocus={() => {
          void loadPanel();
          if (!refocusing.current) setOpen(true);
        }}
      />
      {showPanel && (
        <Suspense
          fallback={
            <div id={panelId} className="search-panel" role="region" aria-label="Search results">
              <p className="search-message">Searching…</p>
            </div>
          }
        >
          <SearchPanel id={panelId} term={debounced} results={results} stale={stale} onNavigate={close} />
        </Suspense>
      )}
    </form>
  );
}
