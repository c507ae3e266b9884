import { afterEach, describe, expect, it, vi } from 'vitest';
import { APIError, createApi } from '../src/api/client';
import { askEarly } from '../src/api/early';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

afterEach(() => vi.unstubAllGlobals());

describe('responses asked for early', () => {
  it('answer the first request for their URL, once, and both readers get the whole body', async () => {
    const network = vi.fn(() => Promise.resolve(json(200, { name: `answer ${network.mock.calls.length}` })));
    vi.stubGlobal('fetch', network);
    const api = createApi({ baseUrl: window.location.origin });

    const early = await askEarly('/api/shared/abc');
    expect(await early.json()).toMatchObject({ name: 'answer 1' });

    expect(await api.shared.gallery('abc')).toMatchObject({ name: 'answer 1' });
    // asked again (a refetch after unlocking, say): the network, not the early answer
    expect(await api.shared.gallery('abc')).toMatchObject({ name: 'answer 2' });
    expect(network).toHaveBeenCalledTimes(2);
  });

  it('carry a refusal to the app as the APIError it would have had', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(() =>
        Promise.resolve(json(401, { error: 'password_required', path: '/api/shared/xyz', message: 'a password' })),
      ),
    );
    void askEarly('/api/shared/xyz');
    const error = await createApi({ baseUrl: window.location.origin })
      .shared.gallery('xyz')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).code).toBe('password_required');
  });

  it('are not used for another URL', async () => {
    const network = vi.fn(() => Promise.resolve(json(200, { images: [], nextCursor: null })));
    vi.stubGlobal('fetch', network);
    void askEarly('/api/shared/one/images');
    await createApi({ baseUrl: window.location.origin }).shared.images('one', 'cursor-2');
    expect(network).toHaveBeenCalledTimes(2);
  });
});
