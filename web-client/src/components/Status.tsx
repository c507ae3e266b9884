import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/hooks';

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="spinner" role="status">
      <span className="visually-hidden">{label}…</span>
    </div>
  );
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="notice notice--error" role="alert">
      <p>{error instanceof Error ? error.message : 'Something went wrong.'}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** A 404 page with its way out: a router link in the app, a plain one on the share page (which has no router). */
export function Missing({ title, children, action }: { title: string; children?: ReactNode; action: ReactNode }) {
  useDocumentTitle(title);
  return (
    <main className="page page--narrow not-found" id="main">
      <p className="not-found-code" aria-hidden="true">
        404
      </p>
      <h1>{title}</h1>
      {children ?? <p>There is nothing at this address.</p>}
      <p>{action}</p>
    </main>
  );
}
