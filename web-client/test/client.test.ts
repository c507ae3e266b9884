import { afterEach, describe, expect, it } from 'vitest';
import { APIError, createApi, readCookie } from '../src/api/client';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function apiWith(respond: (request: Request) => Response | Promise<Response>) {
  const requests: Request[] = [];
  const api = createApi({
    baseUrl: 'http://vitrine.test',
    fetch: async (request) => {
      requests.push(request);
      return respond(request);
    },
  });
  return { api, requests };
}

afterEach(() => {
  document.cookie = 'XSRF-TOKEN=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
});

describe('API client', () => {
  it('turns a 400 body into an APIError with status, message and details', async () => {
    const body = {
      error: 'invalid_field',
      path: 'name',
      message: 'must not be blank',
      details: [
        { path: 'name', message: 'must not be blank' },
        { path: 'description', message: 'at most 500 characters' },
      ],
    };
    const { api } = apiWith(() => json(400, body));
    const error = await api.galleries.create({ name: ' ' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIError);
    const apiError = error as APIError;
    expect(apiError.status).toBe(400);
    expect(apiError.message).toBe('must not be blank');
    expect(apiError.details).toEqual(body);
    expect(apiError.code).toBe('invalid_field');
    expect(apiError.fieldErrors).toEqual({ name: 'must not be blank', description: 'at most 500 characters' });
  });

  it('keeps existingId of a conflict', async () => {
    const { api } = apiWith(() =>
      json(409, { error: 'duplicate_image', path: null, message: 'already in the gallery', existingId: 'abc' }),
    );
    const error = (await api.uploads.confirm('u1').catch((e: unknown) => e)) as APIError;
    expect(error.status).toBe(409);
    expect(error.details?.existingId).toBe('abc');
  });

  it('turns a network failure into an APIError with status 0', async () => {
    const { api } = apiWith(() => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await api.galleries.get('g1').catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(APIError);
    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.cause).toBeInstanceOf(TypeError);
  });

  it('copes with an error that is not JSON', async () => {
    const { api } = apiWith(() => new Response('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' }));
    const error = (await api.galleries.get('g1').catch((e: unknown) => e)) as APIError;
    expect(error.status).toBe(502);
    expect(error.details).toBeNull();
    expect(error.message).toBe('502 Bad Gateway');
  });

  it('sends X-Requested-With on every request, and the CSRF token on writes only', async () => {
    document.cookie = 'XSRF-TOKEN=token%2F123; path=/';
    const { api, requests } = apiWith((request) =>
      request.method === 'GET'
        ? json(200, { galleries: [], pagination: { cursor: null, hasMore: false } })
        : json(201, { id: 'g1', name: 'Lisbon' }),
    );
    await api.galleries.list();
    await api.galleries.create({ name: 'Lisbon', visibility: 'public' });
    const [get, post] = requests;
    expect(get.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    expect(get.headers.get('X-XSRF-TOKEN')).toBeNull();
    expect(post.headers.get('X-Requested-With')).toBe('XMLHttpRequest');
    expect(post.headers.get('X-XSRF-TOKEN')).toBe('token/123');
    expect(post.method).toBe('POST');
    expect(await post.json()).toEqual({ name: 'Lisbon', visibility: 'public' });
  });

  it('builds paths and queries from the contract', async () => {
    const { api, requests } = apiWith(() =>
      json(200, { images: [], pagination: { page: null, limit: 50, total: 0, hasMore: false, cursor: null } }),
    );
    await api.images.list('g 1', { cursor: 'c2', limit: 50, status: 'published' });
    const url = new URL(requests[0].url);
    expect(url.pathname).toBe('/api/galleries/g%201/images');
    expect(Object.fromEntries(url.searchParams)).toEqual({ cursor: 'c2', limit: '50', status: 'published' });
  });

  it('reads "nobody signed in" (204) as null', async () => {
    const { api } = apiWith(() => new Response(null, { status: 204 }));
    await expect(api.session.current()).resolves.toBeNull();
  });

  it('passes an abort through as an abort', async () => {
    const { api } = apiWith(() => {
      throw new DOMException('aborted', 'AbortError');
    });
    await expect(api.galleries.get('g1')).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('readCookie', () => {
  it('finds and decodes one cookie', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=x%3Dy; b=2')).toBe('x=y');
    expect(readCookie('missing', 'a=1')).toBeNull();
  });
});
