/** What the API accepts (UploadRequest in the contract). */
export const ACCEPTED_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/avif',
] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];
export const MAX_UPLOAD_BYTES = 52_428_800; // 50 MB
export const MAX_FILENAME_LENGTH = 255;

/** For the file picker's accept attribute (extensions too: some systems give HEIC files no type). */
export const ACCEPT_ATTRIBUTE = [
  ...ACCEPTED_TYPES,
  '.jpg',
  '.jpeg',
  '.png',
  '.gif',
  '.webp',
  '.heic',
  '.heif',
  '.avif',
].join(',');

const BY_EXTENSION: Record<string, AcceptedType> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  jfif: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  heif: 'image/heic',
  avif: 'image/avif',
};

interface FileLike {
  name: string;
  type: string;
  size: number;
}

/** The content type to declare: the browser's, or from the extension when the browser gives none. */
export function contentTypeOf(file: FileLike): string {
  const type = file.type.toLowerCase();
  if (type === 'image/jpg' || type === 'image/pjpeg') return 'image/jpeg';
  if (type === 'image/heif') return 'image/heic';
  if (type) return type;
  const extension = file.name.split('.').pop()?.toLowerCase() ?? '';
  return BY_EXTENSION[extension] ?? '';
}

export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  if (bytes < 1_000_000) return `${(bytes / 1000).toFixed(0)} KB`;
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Why a file cannot be uploaded, or null when it can. */
export function validateFile(file: FileLike): string | null {
  const type = contentTypeOf(file);
  if (!(ACCEPTED_TYPES as readonly string[]).includes(type)) {
    return `Not a supported image type${type ? ` (${type})` : ''}: use JPEG, PNG, GIF, WebP, HEIC or AVIF`;
  }
  if (file.size === 0) return 'The file is empty';
  if (file.size > MAX_UPLOAD_BYTES) return `Too large (${formatBytes(file.size)}): at most 50 MB`;
  return null;
}

/** A filename the API takes: no control characters or slashes, at most 255 characters, keeping the extension. */
export function uploadFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim() || 'image';
  if (clean.length <= MAX_FILENAME_LENGTH) return clean;
  const dot = clean.lastIndexOf('.');
  const extension = dot > 0 && clean.length - dot <= 10 ? clean.slice(dot) : '';
  return clean.slice(0, MAX_FILENAME_LENGTH - extension.length) + extension;
}
