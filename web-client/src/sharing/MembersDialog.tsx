import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { isAPIError } from '../api/client';
import { useGrantRole, useMembers, useRemoveMember, useSession } from '../api/queries';
import type { Gallery, MemberRole } from '../api/types';
import { Dialog } from '../components/Dialog';
import { ErrorMessage, Spinner } from '../components/Status';

const ROLES: { value: MemberRole; label: string; hint: string }[] = [
  { value: 'viewer', label: 'Viewer', hint: 'sees the photos' },
  { value: 'contributor', label: 'Contributor', hint: 'also uploads, and edits their own photos' },
  { value: 'editor', label: 'Editor', hint: 'also edits the gallery, every photo and its links' },
];

/**
 * Who the gallery is shared with. The owner adds people by username, changes their role and removes them; a member
 * sees the list and may leave.
 */
export function MembersDialog({ gallery, open, onClose }: { gallery: Gallery; open: boolean; onClose: () => void }) {
  const members = useMembers(gallery.id, open);
  const grant = useGrantRole(gallery.id);
  const remove = useRemoveMember(gallery.id);
  const session = useSession();
  const navigate = useNavigate();
  const [username, setUsername] = useState('');
  const [role, setRole] = useState<MemberRole>('viewer');
  const isOwner = gallery.yourRole === 'owner';
  const fields = isAPIError(grant.error) ? grant.error.fieldErrors : {};
  const me = session.data?.username;

  const close = () => {
    grant.reset();
    remove.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const name = username.trim();
    if (!name) return;
    grant.mutate({ username: name, role }, { onSuccess: () => setUsername('') });
  };

  const leave = () => {
    if (!me) return;
    remove.mutate(me, { onSuccess: () => void navigate('/', { replace: true }) });
  };

  return (
    <Dialog open={open} onClose={close} title="Members" className="dialog--share">
      {isOwner && (
        <form className="form" onSubmit={submit} noValidate>
          <p className="field-hint">
            Members see this gallery whatever its visibility, from the moment you add them. Only you add and remove
            them.
          </p>
          <div className="field">
            <label htmlFor="member-username">Username</label>
            <input
              id="member-username"
              autoComplete="off"
              value={username}
              onChange={(event) => setUsername(event.target.value)}
              aria-invalid={Boolean(fields.username) || undefined}
              aria-describedby={fields.username ? 'member-username-error' : undefined}
            />
            {fields.username && (
              <p className="field-error" id="member-username-error">
                {fields.username}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor="member-role">Role</label>
            <select id="member-role" value={role} onChange={(event) => setRole(event.target.value as MemberRole)}>
              {ROLES.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label} — {option.hint}
                </option>
              ))}
            </select>
          </div>
          {grant.error && !fields.username ? <ErrorMessage error={grant.error} /> : null}
          <div className="form-actions">
            <button type="submit" className="button button--primary" disabled={grant.isPending || !username.trim()}>
              {grant.isPending ? 'Adding…' : 'Add'}
            </button>
          </div>
        </form>
      )}
      <section className="share-links" aria-label="People">
        <h3>People</h3>
        {members.isPending ? (
          <Spinner label="Loading members" />
        ) : members.isError ? (
          <ErrorMessage error={members.error} onRetry={() => void members.refetch()} />
        ) : members.data.members.length === 0 ? (
          <p className="field-hint">Only you, so far.</p>
        ) : (
          <ul className="share-list">
            {members.data.members.map((member) => (
              <li key={member.userId} className="share-item member-item">
                <span className="share-item-name">{member.username}</span>
                {isOwner ? (
                  <>
                    <select
                      aria-label={`Role of ${member.username}`}
                      value={member.role}
                      disabled={grant.isPending}
                      onChange={(event) =>
                        grant.mutate({ username: member.username, role: event.target.value as MemberRole })
                      }
                    >
                      {ROLES.map((option) => (
                        <option key={option.value} value={option.value}>
                          {option.label}
                        </option>
                      ))}
                    </select>
                    <button
                      type="button"
                      className="button button--danger-quiet"
                      disabled={remove.isPending}
                      onClick={() => remove.mutate(member.username)}
                      aria-label={`Remove ${member.username}`}
                    >
                      Remove
                    </button>
                  </>
                ) : (
                  <span className="share-item-meta">{ROLES.find((r) => r.value === member.role)?.label}</span>
                )}
              </li>
            ))}
          </ul>
        )}
        {remove.error ? <ErrorMessage error={remove.error} /> : null}
      </section>
      {!isOwner && me && (
        <div className="danger-zone">
          <button type="button" className="button button--danger-quiet" disabled={remove.isPending} onClick={leave}>
            Leave this gallery
          </button>
        </div>
      )}
    </Dialog>
  );
}
