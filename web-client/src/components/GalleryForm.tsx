import { useState, type FormEvent } from 'react';
import { APIError } from '../api/client';
import type { Gallery, Image, Visibility } from '../api/types';
import { GalleryImage } from './GalleryImage';
import { imageProps } from './imageProps';

const VISIBILITIES: { value: Visibility; label: string; hint: string }[] = [
  { value: 'private', label: 'Private', hint: 'Only you and the people you add' },
  { value: 'unlisted', label: 'Unlisted', hint: 'Anyone with the link' },
  { value: 'public', label: 'Public', hint: 'Listed on the home page' },
];

export interface GalleryFormValues {
  name: string;
  description: string | null;
  visibility: Visibility;
  coverImageId: string | null;
  /** everyone who sees the gallery also sees where its photos were taken (else only owner and editors) */
  showLocations: boolean;
}

export function GalleryForm({
  gallery,
  images,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  visibilityEditable = true,
}: {
  gallery?: Gallery;
  /** candidates for the cover (edit only) */
  images?: Image[];
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: GalleryFormValues) => void;
  onCancel: () => void;
  /** false for an editor: visibility is the owner's to choose */
  visibilityEditable?: boolean;
}) {
  const [name, setName] = useState(gallery?.name ?? '');
  const [description, setDescription] = useState(gallery?.description ?? '');
  const [visibility, setVisibility] = useState<Visibility>(gallery?.visibility ?? 'private');
  const [cover, setCover] = useState<string | null>(gallery?.coverImageId ?? null);
  const [showLocations, setShowLocations] = useState(gallery?.showLocations ?? false);
  const [nameProblem, setNameProblem] = useState<string>();
  const fields = error instanceof APIError ? error.fieldErrors : {};
  const formError =
    error instanceof APIError && Object.keys(fields).length === 0
      ? error.message
      : error && !(error instanceof APIError)
        ? 'Something went wrong.'
        : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameProblem('Give the gallery a name');
      return;
    }
    setNameProblem(undefined);
    onSubmit({
      name: name.trim(),
      description: description.trim() || null,
      visibility,
      coverImageId: cover,
      showLocations,
    });
  };
  const nameError = nameProblem ?? fields.name;

  return (
    <form className="form" onSubmit={submit} noValidate>
      {formError && (
        <p className="notice notice--error" role="alert">
          {formError}
        </p>
      )}
      <div className="field">
        <label htmlFor="gallery-name">Name</label>
        <input
          id="gallery-name"
          value={name}
          maxLength={100}
          onChange={(event) => setName(event.target.value)}
          aria-invalid={Boolean(nameError) || undefined}
          aria-describedby={nameError ? 'gallery-name-error' : undefined}
          required
          autoFocus
        />
        {nameError && (
          <p className="field-error" id="gallery-name-error">
            {nameError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="gallery-description">
          Description <span className="optional">(optional)</span>
        </label>
        <textarea
          id="gallery-description"
          value={description}
          maxLength={500}
          rows={3}
          onChange={(event) => setDescription(event.target.value)}
          aria-describedby={fields.description ? 'gallery-description-error' : undefined}
        />
        {fields.description && (
          <p className="field-error" id="gallery-description-error">
            {fields.description}
          </p>
        )}
      </div>
      {visibilityEditable && (
        <fieldset className="field choice-group">
          <legend>Who can see it</legend>
          {VISIBILITIES.map((option) => (
            <label key={option.value} className="choice">
              <input
                type="radio"
                name="visibility"
                value={option.value}
                checked={visibility === option.value}
                onChange={() => setVisibility(option.value)}
              />
              <span>
                <strong>{option.label}</strong> <span className="choice-hint">{option.hint}</span>
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {gallery && visibilityEditable && (
        <label className="choice">
          <input
            type="checkbox"
            name="showLocations"
            checked={showLocations}
            onChange={(event) => setShowLocations(event.target.checked)}
          />
          <span>
            <strong>Show where photos were taken</strong>{' '}
            <span className="choice-hint">
              To everyone who sees them, not only you and editors (GPS from the photos)
            </span>
          </span>
        </label>
      )}
      {gallery && images && (
        <fieldset className="field">
          <legend>Cover</legend>
          {images.length === 0 ? (
            <p className="field-hint">Upload photos to choose a cover.</p>
          ) : (
            <div className="cover-picker">
              <label className="cover-option cover-option--none">
                <input type="radio" name="cover" checked={cover === null} onChange={() => setCover(null)} />
                <span>Newest photo</span>
              </label>
              {images.map((image) => (
                <label key={image.id} className="cover-option">
                  <input
                    type="radio"
                    name="cover"
                    value={image.id}
                    checked={cover === image.id}
                    onChange={() => setCover(image.id)}
                  />
                  <GalleryImage {...imageProps(image)} size="thumbnail" fit="cover" />
                </label>
              ))}
            </div>
          )}
        </fieldset>
      )}
      <div className="form-actions">
        <button type="button" className="button button--quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button--primary" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
