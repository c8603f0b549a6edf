import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, errorMessage, isApiError, withQuery } from './api';

afterEach(() => vi.unstubAllGlobals());

function stubFetch(status: number, body: string, contentType = 'application/json') {
  const fetchMock = vi.fn(async () => new Response(status === 204 ? null : body, { status, headers: { 'content-type': contentType } }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

describe('api()', () => {
  it('sends JSON with the session cookie and parses the answer', async () => {
    const fetchMock = stubFetch(201, '{"id":"x"}');
    await expect(api('POST', '/api/v1/tokens', { name: 'ci' })).resolves.toEqual({ id: 'x' });
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"name":"ci"}');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
  });

  it('turns the error body into an ApiError with code, status and field errors', async () => {
    stubFetch(400, JSON.stringify({ error: { code: 'invalid_config', message: 'Check the fields', fields: { appSecret: 'Required' } } }));
    const err = await api('POST', '/api/v1/inboxes', {}).catch((e: unknown) => e);
    expect(isApiError(err, 'invalid_config')).toBe(true);
    expect(err).toMatchObject({ status: 400, message: 'Check the fields', fields: { appSecret: 'Required' } });
  });

  it('copes with a non-JSON error page', async () => {
    stubFetch(502, '<html>Bad gateway</html>', 'text/html');
    const err = (await api('GET', '/api/v1/me').catch((e: unknown) => e)) as ApiError;
    expect(err.code).toBe('http_502');
    expect(errorMessage(err)).toMatch(/502/);
  });

  it('returns undefined for 204', async () => {
    stubFetch(204, '');
    await expect(api('DELETE', '/api/v1/tokens/1')).resolves.toBeUndefined();
  });
});

describe('withQuery()', () => {
  it('leaves out empty values', () => {
    expect(withQuery('/x', { a: 'open', b: null, c: undefined, d: '', e: 5 })).toBe('/x?a=open&e=5');
    expect(withQuery('/x', {})).toBe('/x');
  });
});
