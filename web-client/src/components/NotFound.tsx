import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Missing } from './Status';

/** The app's 404 page, with a way back through the router (the share page, which has none, uses Missing). */
export function NotFound({ title = 'Page not found', children }: { title?: string; children?: ReactNode }) {
  return (
    <Missing
      title={title}
      action={
        <Link className="button" to="/">
          Back to the galleries
        </Link>
      }
    >
      {children}
    </Missing>
  );
}
