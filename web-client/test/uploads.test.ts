import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { APIError, type Api } from '../src/api/client';
import type { Image } from '../src/api/types';
import { UploadManager, type UploadItem } from '../src/uploads/manager';
import { putFile } from '../src/uploads/uploader';
import { image } from './fixtures';

/** An XMLHttpRequest that records what it was asked and answers when told. */
class FakeXhr {
  static last: FakeXhr | undefined;
  static status = 200;
  static autoRespond = true;
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: unknown;
  status = 0;
  responseText = '';
  upload: { onprogress: ((event: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: Blob) {
    this.body = body;
    if (FakeXhr.autoRespond) queueMicrotask(() => this.respond(FakeXhr.status));
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  respond(status: number, text = '') {
    this.status = status;
    this.responseText = text;
    this.onload?.();
  }
  abort() {
    this.onabort?.();
  }
}

const presigned = {
  uploadId: 'u1',
  presignedUrl: 'http://s3.test/vitrine/originals/u1?X-Amz-Signature=abc',
  method: 'PUT',
  headers: { 'Content-Type': 'image/jpeg', 'x-amz-checksum-sha256': 'q83v', 'Content-Length': '3' },
  expiresAt: '2030-01-01T00:00:00Z',
};

describe('putFile', () => {
  it('PUTs the bytes with exactly the presigned headers (but those a browser sets itself) and reports progress', async () => {
    const progress: number[] = [];
    const file = new Blob(['abc'], { type: 'image/jpeg' });
    let xhr!: FakeXhr;
    const done = putFile(presigned, file, { onProgress: (loaded) => progress.push(loaded) }, () => {
      xhr = new FakeXhr();
      return xhr as unknown as XMLHttpRequest;
    });
    expect(xhr.method).toBe('PUT');
    expect(xhr.url).toBe(presigned.presignedUrl);
    expect(xhr.headers).toEqual({ 'Content-Type': 'image/jpeg', 'x-amz-checksum-sha256': 'q83v' });
    expect(xhr.body).toBe(file);
    xhr.progress(1, 3);
    await done;
    expect(progress).toEqual([1, 3]);
  });

  it('rejects with the storage error code', async () => {
    let xhr!: FakeXhr;
    FakeXhr.autoRespond = false;
    const done = putFile(presigned, new Blob(['abc']), {}, () => (xhr = new FakeXhr()) as unknown as XMLHttpRequest);
    xhr.respond(403, '<Error><Code>SignatureDoesNotMatch</Code></Error>');
    await expect(done).rejects.toMatchObject({
      status: 403,
      message: 'Storage refused the file (403 SignatureDoesNotMatch)',
    });
    FakeXhr.autoRespond = true;
  });

  it('aborts the request when cancelled', async () => {
    FakeXhr.autoRespond = false;
    const controller = new AbortController();
    const done = putFile(
      presigned,
      new Blob(['abc']),
      { signal: controller.signal },
      () => new FakeXhr() as unknown as XMLHttpRequest,
    );
    controller.abort();
    await expect(done).rejects.toMatchObject({ name: 'AbortError' });
    FakeXhr.autoRespond = true;
  });
});

describe('UploadManager', () => {
  beforeEach(() => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    FakeXhr.status = 200;
    FakeXhr.autoRespond = true;
  });
  afterEach(() => vi.unstubAllGlobals());

  function fakeApi(statuses: Image['status'][]) {
    const processing = image({ status: 'processing', variants: [], blurhash: null });
    const answers = [...statuses];
    const api = {
      uploads: {
        request: vi.fn(() => Promise.resolve(presigned)),
        confirm: vi.fn(() => Promise.resolve(processing)),
      },
      images: {
        get: vi.fn(() => {
          const status = answers.shift() ?? 'published';
          return Promise.resolve(
            status === 'rejected'
              ? image({ status, problem: { code: 'undecodable', message: 'The file is not a readable image' } })
              : image({ status }),
          );
        }),
      },
    };
    return api;
  }

  const settle = async (manager: UploadManager, until: (items: readonly UploadItem[]) => boolean) => {
    for (let i = 0; i < 200 && !until(manager.getSnapshot()); i++) await new Promise((r) => setTimeout(r, 0));
    return manager.getSnapshot();
  };

  const jpeg = (name = 'a.jpg') => new File(['abc'], name, { type: 'image/jpeg' });
  const noSleep = async () => {};

  it('refuses files before uploading them, saying why', () => {
    const api = fakeApi([]);
    const manager = new UploadManager({ api: api as unknown as Api, sleep: noSleep });
    const [item] = manager.add('g1', [new File(['x'], 'notes.txt', { type: 'text/plain' })]);
    expect(item.state).toBe('invalid');
    expect(item.message).toMatch(/Not a supported image type/);
    expect(api.uploads.request).not.toHaveBeenCalled();
  });

  it('presigns, PUTs and confirms, then follows processing until published', async () => {
    const api = fakeApi(['processing', 'published']);
    const published = vi.fn();
    const manager = new UploadManager({
      api: api as unknown as Api,
      sleep: noSleep,
      onPublished: published,
      settleDelay: 0,
    });
    manager.add('g1', [jpeg()]);
    const [item] = await settle(manager, (items) => items[0].state === 'published');
    expect(item.state).toBe('published');
    expect(api.uploads.request).toHaveBeenCalledWith(
      { filename: 'a.jpg', contentType: 'image/jpeg', size: 3, galleryId: 'g1' },
      expect.any(AbortSignal),
    );
    expect(api.uploads.confirm).toHaveBeenCalledWith('u1', expect.any(AbortSignal));
    expect(api.images.get).toHaveBeenCalledTimes(2);
    await new Promise((r) => setTimeout(r, 5));
    expect(published).toHaveBeenCalledWith('g1');
  });

  it('follows an image by its id when its confirmation came back without a body (202, read side behind)', async () => {
    const api = fakeApi(['processing', 'published']);
    api.uploads.confirm.mockImplementation(() => Promise.resolve(null as unknown as ReturnType<typeof image>));
    api.images.get.mockImplementationOnce(() => Promise.reject(new APIError(404, 'no image u1 in gallery g1')));
    const manager = new UploadManager({ api: api as unknown as Api, sleep: noSleep });
    manager.add('g1', [jpeg()]);
    const [item] = await settle(manager, (items) => items[0].state === 'published');
    expect(item.state).toBe('published');
    expect(item.imageId).toBe('u1');
    expect(api.images.get).toHaveBeenCalledTimes(3);
    expect(api.images.get).toHaveBeenCalledWith('g1', 'u1', expect.any(AbortSignal));
  });

  it('shows why processing rejected an image', async () => {
    const manager = new UploadManager({ api: fakeApi(['rejected']) as unknown as Api, sleep: noSleep });
    manager.add('g1', [jpeg()]);
    const [item] = await settle(manager, (items) => items[0].state === 'rejected');
    expect(item.message).toBe('The file is not a readable image');
  });

  it('marks a duplicate with the image that has the same bytes', async () => {
    const api = fakeApi([]);
    api.uploads.confirm.mockRejectedValue(
      new APIError(409, 'already there', { error: 'duplicate_image', message: 'already there', existingId: 'img-7' }),
    );
    const manager = new UploadManager({ api: api as unknown as Api, sleep: noSleep });
    manager.add('g1', [jpeg()]);
    const [item] = await settle(manager, (items) => items[0].state === 'duplicate');
    expect(item.existingId).toBe('img-7');
  });

  it('cancels an upload and retries it', async () => {
    FakeXhr.autoRespond = false;
    const api = fakeApi(['published']);
    const manager = new UploadManager({ api: api as unknown as Api, sleep: noSleep });
    const [added] = manager.add('g1', [jpeg()]);
    await settle(manager, (items) => items[0].state === 'uploading');
    manager.cancel(added.id);
    expect(manager.getSnapshot()[0].state).toBe('cancelled');
    FakeXhr.autoRespond = true;
    manager.retry(added.id);
    const [item] = await settle(manager, (items) => items[0].state === 'published');
    expect(item.state).toBe('published');
    expect(api.uploads.request).toHaveBeenCalledTimes(2);
  });

  it('fails a transfer the storage refused, and lets it be retried', async () => {
    FakeXhr.status = 500;
    const manager = new UploadManager({ api: fakeApi([]) as unknown as Api, sleep: noSleep });
    manager.add('g1', [jpeg()]);
    const [item] = await settle(manager, (items) => items[0].state === 'failed');
    expect(item.message).toMatch(/Storage refused the file \(500\)/);
  });

  it('sends at most `concurrency` files at once', async () => {
    FakeXhr.autoRespond = false;
    const api = fakeApi([]);
    const manager = new UploadManager({ api: api as unknown as Api, sleep: noSleep, concurrency: 2 });
    manager.add('g1', [jpeg('1.jpg'), jpeg('2.jpg'), jpeg('3.jpg'), jpeg('4.jpg')]);
    const items = await settle(manager, (all) => all.filter((i) => i.state === 'uploading').length === 2);
    expect(items.map((i) => i.state)).toEqual(['uploading', 'uploading', 'queued', 'queued']);
  });
});
