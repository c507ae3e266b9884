import { useState, type FormEvent } from 'react';
import { useCreateShareLink, useRevokeShareLink, useShareLinks } from '../api/queries';
import type { Gallery, ShareLink } from '../api/types';
import { isAPIError } from '../api/client';
import { Dialog } from '../components/Dialog';
import { ErrorMessage, Spinner } from '../components/Status';

const EXPIRIES = [
  { value: '1', label: '1 day' },
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: 'never', label: 'Never' },
] as const;
type Expiry = (typeof EXPIRIES)[number]['value'];

/** Share by link: make a link (expiry, optional password, label), copy it once, review and revoke links. */
export function ShareDialog({ gallery, open, onClose }: { gallery: Gallery; open: boolean; onClose: () => void }) {
  const links = useShareLinks(gallery.id, open);
  const create = useCreateShareLink(gallery.id);
  const revoke = useRevokeShareLink(gallery.id);
  const [expiry, setExpiry] = useState<Expiry>('30');
  const [password, setPassword] = useState('');
  const [label, setLabel] = useState('');
  // the page address is only ever in the answer that made the link
  const [madeUrl, setMadeUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const fields = isAPIError(create.error) ? create.error.fieldErrors : {};

  const close = () => {
    setMadeUrl(null);
    setCopied(false);
    create.reset();
    revoke.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const days = expiry === 'never' ? null : Number(expiry);
    create.mutate(
      {
        ...(days === null
          ? { neverExpires: true }
          : { expiresAt: new Date(Date.now() + days * 86_400_000).toISOString() }),
        ...(password ? { password } : {}),
        ...(label.trim() ? { label: label.trim() } : {}),
      },
      {
        onSuccess: (link) => {
          setMadeUrl(link.url);
          setCopied(false);
          setPassword('');
          setLabel('');
        },
      },
    );
  };

  const copy = async (url: string) => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false); // the field stays selected for a manual copy
    }
  };

  return (
    <Dialog open={open} onClose={close} title="Share" className="dialog--share">
      <form className="form" onSubmit={submit} noValidate>
        <p className="field-hint">
          Anyone with the link sees this gallery’s published photos, whatever its visibility, until the link expires or
          you revoke it.
        </p>
        <div className="field">
          <label htmlFor="share-expiry">Expires after</label>
          <select id="share-expiry" value={expiry} onChange={(event) => setExpiry(event.target.value as Expiry)}>
            {EXPIRIES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="share-password">
            Password <span className="optional">(optional)</span>
          </label>
          <input
            id="share-password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.target.value)}
            aria-invalid={Boolean(fields.password) || undefined}
            aria-describedby={fields.password ? 'share-password-error' : undefined}
          />
          {fields.password && (
            <p className="field-error" id="share-password-error">
              {fields.password}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="share-label">
            Label <span className="optional">(optional, for you)</span>
          </label>
          <input id="share-label" value={label} maxLength={100} onChange={(event) => setLabel(event.target.value)} />
        </div>
        {create.error && !fields.password ? <ErrorMessage error={create.error} /> : null}
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={create.isPending}>
            {create.isPending ? 'Creating…' : 'Create link'}
          </button>
        </div>
      </form>
      {madeUrl && (
        <div className="share-made" role="status">
          <label htmlFor="share-url">Your link (shown once: copy it now)</label>
          <div className="share-copy">
            <input id="share-url" readOnly value={madeUrl} onFocus={(event) => event.currentTarget.select()} />
            <button type="button" className="button" onClick={() => void copy(madeUrl)}>
              {copied ? 'Copied' : 'Copy'}
            </button>
          </div>
        </div>
      )}
      <section className="share-links" aria-label="Links">
        <h3>Links</h3>
        {links.isPending ? (
          <Spinner label="Loading links" />
        ) : links.isError ? (
          <ErrorMessage error={links.error} onRetry={() => void links.refetch()} />
        ) : links.data.length === 0 ? (
          <p className="field-hint">No links yet.</p>
        ) : (
          <ul className="share-list">
            {links.data.map((link) => (
              <li key={link.id} className="share-item" data-status={link.status}>
                <span className="share-item-name">
                  {link.label ?? 'Link'}
                  {link.passwordProtected && <span className="badge">password</span>}
                </span>
                <span className="share-item-meta">
                  {statusLabel(link)} · {link.views} {link.views === 1 ? 'view' : 'views'}
                </span>
                {link.status === 'active' && (
                  <button
                    type="button"
                    className="button button--danger-quiet"
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(link.id)}
                    aria-label={`Revoke ${link.label ?? 'link'}`}
                  >
                    Revoke
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {revoke.error ? <ErrorMessage error={revoke.error} /> : null}
      </section>
    </Dialog>
  );
}

function statusLabel(link: ShareLink) {
  if (link.status === 'revoked') return 'Revoked';
  if (link.status === 'expired') return 'Expired';
  return link.expiresAt ? `Expires ${new Date(link.expiresAt).toLocaleDateString()}` : 'Never expires';
}
