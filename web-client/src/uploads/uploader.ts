import { APIError, type Api } from '../api/client';
import type { Image, PresignedUpload } from '../api/types';
import { contentTypeOf, uploadFilename } from './validate';

/** Headers a browser sets itself and refuses to be told. */
const FORBIDDEN_HEADERS = new Set(['host', 'content-length', 'connection', 'expect', 'transfer-encoding']);

export type UploadPhase = 'presigning' | 'uploading' | 'confirming';

export interface UploadCallbacks {
  onPhase?: (phase: UploadPhase) => void;
  /** bytes sent so far and in all */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

function abortError() {
  return new DOMException('The upload was cancelled', 'AbortError');
}

/** PUTs the file's bytes to the presigned URL with exactly the given headers; XHR for real upload progress. */
export function putFile(
  presigned: Pick<PresignedUpload, 'presignedUrl' | 'method' | 'headers'>,
  file: Blob,
  { onProgress, signal }: Pick<UploadCallbacks, 'onProgress' | 'signal'> = {},
  createXhr: () => XMLHttpRequest = () => new XMLHttpRequest(),
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const xhr = createXhr();
    xhr.open(presigned.method || 'PUT', presigned.presignedUrl);
    for (const [name, value] of Object.entries(presigned.headers ?? {})) {
      if (!FORBIDDEN_HEADERS.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress?.(event.loaded, event.total);
    };
    const onAbort = () => xhr.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => signal?.removeEventListener('abort', onAbort);
    xhr.onload = () => {
      done();
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress?.(file.size, file.size);
        resolve();
      } else {
        const code = /<Code>([^<]+)<\/Code>/.exec(xhr.responseText ?? '')?.[1];
        reject(new APIError(xhr.status, `Storage refused the file (${xhr.status}${code ? ` ${code}` : ''})`));
      }
    };
    xhr.onerror = () => {
      done();
      reject(new APIError(0, 'The upload was interrupted: check your connection and retry'));
    };
    xhr.ontimeout = xhr.onerror;
    xhr.onabort = () => {
      done();
      reject(abortError());
    };
    xhr.send(file);
  });
}

/**
 * What a confirmation made: the image (status processing), or only its id when the server accepted the
 * confirmation (202) before its read side had the image.
 */
export interface Confirmed {
  imageId: string;
  image: Image | null;
}

/** presign → PUT → confirm. */
export async function uploadFile(
  api: Api,
  file: File,
  galleryId: string,
  { onPhase, onProgress, signal }: UploadCallbacks = {},
): Promise<Confirmed> {
  onPhase?.('presigning');
  const presigned = await api.uploads.request(
    { filename: uploadFilename(file.name), contentType: contentTypeOf(file), size: file.size, galleryId },
    signal,
  );
  if (signal?.aborted) throw abortError();
  onPhase?.('uploading');
  await putFile(presigned, file, { onProgress, signal });
  onPhase?.('confirming');
  return { imageId: presigned.uploadId, image: await api.uploads.confirm(presigned.uploadId, signal) };
}
