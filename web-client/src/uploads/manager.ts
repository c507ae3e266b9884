// Uploads live outside React so they go on while the viewer moves around the app: a small store of files, each
// validated, sent (presign → PUT → confirm, a few at a time) and then watched until processing has decided.
import { isAPIError, type Api } from '../api/client';
import type { Image } from '../api/types';
import { type Confirmed, uploadFile } from './uploader';
import { validateFile } from './validate';

export type UploadState =
  | 'invalid' // refused before upload: `message` says why
  | 'queued'
  | 'presigning'
  | 'uploading'
  | 'confirming'
  | 'processing'
  | 'published'
  | 'rejected' // processing refused it: `message` is the problem
  | 'stalled'
  | 'duplicate' // the same bytes are already in the gallery: `existingId`
  | 'failed' // transfer or API failure: retry
  | 'cancelled';

export interface UploadItem {
  id: string;
  galleryId: string;
  file: File;
  state: UploadState;
  loaded: number;
  total: number;
  message?: string;
  imageId?: string;
  existingId?: string;
  image?: Image;
}

export const ACTIVE_STATES: ReadonlySet<UploadState> = new Set(['queued', 'presigning', 'uploading', 'confirming']);
export const RETRYABLE_STATES: ReadonlySet<UploadState> = new Set(['failed', 'cancelled']);
export const FINISHED_STATES: ReadonlySet<UploadState> = new Set([
  'invalid',
  'published',
  'rejected',
  'stalled',
  'duplicate',
  'failed',
  'cancelled',
]);

export interface UploadManagerOptions {
  api: Api;
  concurrency?: number;
  pollInterval?: number;
  /** called (at most once per `settleDelay`) when images of a gallery were published */
  onPublished?: (galleryId: string) => void;
  settleDelay?: number;
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
}

const sleepFor = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new DOMException('aborted', 'AbortError'));
      },
      { once: true },
    );
  });

let sequence = 0;

export class UploadManager {
  private items: UploadItem[] = [];
  private listeners = new Set<() => void>();
  private controllers = new Map<string, AbortController>();
  private sending = 0;
  private publishTimers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly options: Required<Omit<UploadManagerOptions, 'onPublished'>> &
    Pick<UploadManagerOptions, 'onPublished'>;

  constructor(options: UploadManagerOptions) {
    this.options = { concurrency: 3, pollInterval: 1000, settleDelay: 1200, sleep: sleepFor, ...options };
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.items;

  /** Whether bytes are still being sent (a reason to warn before the page is left). */
  get busy() {
    return this.items.some((item) => ACTIVE_STATES.has(item.state));
  }

  add(galleryId: string, files: Iterable<File>): UploadItem[] {
    const added = [...files].map((file): UploadItem => {
      const problem = validateFile(file);
      return {
        id: `upload-${++sequence}`,
        galleryId,
        file,
        state: problem ? 'invalid' : 'queued',
        loaded: 0,
        total: file.size,
        message: problem ?? undefined,
      };
    });
    this.items = [...this.items, ...added];
    this.emit();
    this.pump();
    return added;
  }

  cancel(id: string) {
    const item = this.find(id);
    if (!item || !ACTIVE_STATES.has(item.state)) return;
    this.controllers.get(id)?.abort();
    this.update(id, { state: 'cancelled', message: 'Cancelled' });
  }

  retry(id: string) {
    const item = this.find(id);
    if (!item || !RETRYABLE_STATES.has(item.state)) return;
    this.update(id, { state: 'queued', loaded: 0, message: undefined });
    this.pump();
  }

  /** Asks processing to try a stalled image again, and watches it again. */
  async reprocess(id: string) {
    const item = this.find(id);
    if (!item?.imageId || !item.image || item.state !== 'stalled') return;
    const controller = new AbortController();
    this.controllers.set(id, controller);
    try {
      await this.options.api.images.reprocess(item.galleryId, item.imageId);
    } catch (error) {
      this.update(id, { message: error instanceof Error ? error.message : 'Could not reprocess' });
      return;
    }
    this.update(id, { state: 'processing', message: undefined });
    await this.watch(id, item.galleryId, item.imageId, { ...item.image, status: 'processing' }, controller.signal);
  }

  remove(id: string) {
    this.cancel(id);
    this.controllers.get(id)?.abort();
    this.items = this.items.filter((item) => item.id !== id);
    this.emit();
  }

  clearFinished(galleryId: string) {
    this.items = this.items.filter((item) => item.galleryId !== galleryId || !FINISHED_STATES.has(item.state));
    this.emit();
  }

  private find(id: string) {
    return this.items.find((item) => item.id === id);
  }

  private update(id: string, patch: Partial<UploadItem>) {
    let changed = false;
    this.items = this.items.map((item) => {
      if (item.id !== id) return item;
      changed = true;
      return { ...item, ...patch };
    });
    if (changed) this.emit();
  }

  private emit() {
    for (const listener of this.listeners) listener();
  }

  /** Starts queued files while fewer than `concurrency` are being sent. */
  private pump() {
    while (this.sending < this.options.concurrency) {
      const next = this.items.find((item) => item.state === 'queued');
      if (!next) return;
      void this.send(next);
    }
  }

  private async send(item: UploadItem) {
    const controller = new AbortController();
    this.controllers.get(item.id)?.abort();
    this.controllers.set(item.id, controller);
    this.sending += 1;
    this.update(item.id, { state: 'presigning', loaded: 0 });
    let confirmed: Confirmed | undefined;
    try {
      let lastEmit = 0;
      confirmed = await uploadFile(this.options.api, item.file, item.galleryId, {
        signal: controller.signal,
        onPhase: (phase) => this.update(item.id, { state: phase }),
        onProgress: (loaded, total) => {
          const now = Date.now();
          if (loaded === total || now - lastEmit > 100) {
            lastEmit = now;
            this.update(item.id, { loaded, total });
          }
        },
      });
    } catch (error) {
      if (controller.signal.aborted) {
        // cancelled (state already set) or removed
      } else if (isAPIError(error, 409) && error.details?.error === 'duplicate_image') {
        this.update(item.id, {
          state: 'duplicate',
          existingId: error.details.existingId,
          message: 'Already in this gallery',
        });
      } else {
        this.update(item.id, {
          state: 'failed',
          message: error instanceof Error ? error.message : 'The upload failed',
        });
      }
    } finally {
      this.sending -= 1;
      this.pump();
    }
    if (confirmed && !controller.signal.aborted) {
      const { imageId, image } = confirmed;
      this.update(item.id, { state: 'processing', imageId, image: image ?? undefined, loaded: item.file.size });
      await this.watch(item.id, item.galleryId, imageId, image, controller.signal);
    }
  }

  /**
   * Asks for the image every second (every few seconds after a minute) until processing has decided; from its id
   * alone when the confirmation came back before the read side had it.
   */
  private async watch(id: string, galleryId: string, imageId: string, image: Image | null, signal: AbortSignal) {
    let current = image;
    const started = Date.now();
    let failures = 0;
    while (current === null || current.status === 'processing') {
      const waited = Date.now() - started;
      try {
        await this.options.sleep(waited > 60_000 ? 3 * this.options.pollInterval : this.options.pollInterval, signal);
        current = await this.options.api.images.get(galleryId, imageId, signal);
        failures = 0;
      } catch (error) {
        if (signal.aborted) return;
        // the read model may not show a just-confirmed image for a moment: keep asking a while
        failures += 1;
        if (failures > 30 || (isAPIError(error) && error.status !== 404 && error.status < 500 && error.status !== 0)) {
          this.update(id, {
            state: 'failed',
            message: error instanceof Error ? error.message : 'Lost track of the image',
          });
          return;
        }
      }
    }
    if (current.status === 'published') {
      this.update(id, { state: 'published', image: current, message: undefined });
      this.published(galleryId);
    } else {
      this.update(id, {
        state: current.status,
        image: current,
        message: current.problem?.message ?? (current.status === 'stalled' ? 'Processing stalled' : 'Rejected'),
      });
    }
  }

  private published(galleryId: string) {
    if (!this.options.onPublished || this.publishTimers.has(galleryId)) return;
    this.publishTimers.set(
      galleryId,
      setTimeout(() => {
        this.publishTimers.delete(galleryId);
        this.options.onPublished?.(galleryId);
      }, this.options.settleDelay),
    );
  }
}
