import { useState, type FormEvent } from 'react';
import { useSetImageTags } from '../api/queries';
import type { Image } from '../api/types';
import { ErrorMessage } from '../components/Status';

/** An image's tags as chips; those who may change the image add and remove them here. */
export function ImageTags({ image, editable }: { image: Image; editable: boolean }) {
  const setTags = useSetImageTags(image.galleryId, image.id);
  const [draft, setDraft] = useState('');
  const tags = setTags.data?.id === image.id ? setTags.data.tags : image.tags;
  const add = (event: FormEvent) => {
    event.preventDefault();
    const tag = draft.trim().toLowerCase();
    if (!tag || tags.includes(tag)) return setDraft('');
    setTags.mutate([...tags, tag], { onSuccess: () => setDraft('') });
  };
  return (
    <div className="image-tags">
      <ul className="tag-list" aria-label="Tags">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            {tag}
            {editable && (
              <button
                type="button"
                className="tag-remove"
                aria-label={`Remove the tag ${tag}`}
                disabled={setTags.isPending}
                onClick={() => setTags.mutate(tags.filter((other) => other !== tag))}
              >
                ×
              </button>
            )}
          </li>
        ))}
        {tags.length === 0 && !editable && <li className="tag-none">No tags</li>}
      </ul>
      {editable && (
        <form className="tag-add" onSubmit={add}>
          <input
            aria-label="Add a tag"
            placeholder="Add a tag"
            value={draft}
            maxLength={64}
            onChange={(event) => setDraft(event.target.value)}
          />
          <button type="submit" className="button button--small" disabled={setTags.isPending || !draft.trim()}>
            Add
          </button>
        </form>
      )}
      {setTags.error ? <ErrorMessage error={setTags.error} /> : null}
    </div>
  );
}
