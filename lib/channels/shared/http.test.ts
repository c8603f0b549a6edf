import { describe, expect, it } from 'vitest';
import { describeNetworkError, fetchWithTimeout, isTimeoutError, parseRetryAfter, readResponseBody } from './http';
import { randomToken } from './tokens';

describe('fetchWithTimeout', () => {
  it('passes an abort signal to the injected fetch and keeps the rest of init', async () => {
    let seen: RequestInit | undefined;
    const fake = (async (_url: string | URL | Request, init?: RequestInit) => {
      seen = init;
      return new Response('ok');
    }) as typeof fetch;
    await fetchWithTimeout(fake, 'https://x.test/', { method: 'POST' }, 50);
    expect(seen?.method).toBe('POST');
    expect(seen?.signal).toBeInstanceOf(AbortSignal);
  });

  it('aborts a request that hangs past the timeout', async () => {
    const hanging = ((_url: string | URL | Request, init?: RequestInit) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)))) as typeof fetch;
    const err = await fetchWithTimeout(hanging, 'https://x.test/', {}, 20).catch((e: unknown) => e);
    expect(isTimeoutError(err)).toBe(true);
    expect(describeNetworkError(err, 20_000)).toBe('timed out after 20 s');
  });
});

describe('readResponseBody', () => {
  it('parses JSON and tolerates HTML or empty bodies', async () => {
    expect(await readResponseBody(new Response('{"a":1}'))).toEqual({ text: '{"a":1}', json: { a: 1 } });
    expect(await readResponseBody(new Response('<html>502</html>'))).toEqual({ text: '<html>502</html>', json: undefined });
    expect(await readResponseBody(new Response(''))).toEqual({ text: '', json: undefined });
  });
});

describe('describeNetworkError', () => {
  it('reads the cause Node puts under "fetch failed" and says it plainly, without addresses', () => {
    const err = new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND graph.test') });
    expect(describeNetworkError(err)).toBe('the host name could not be resolved');
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED 10.0.0.5:443'), { code: 'ECONNREFUSED' }) });
    expect(describeNetworkError(refused)).toBe('the connection was refused');
    expect(describeNetworkError(new Error('socket hang up'))).toBe('the connection was closed before an answer');
    expect(describeNetworkError(new TypeError('fetch failed', { cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) }))).toBe('the TLS certificate was not accepted');
    expect(describeNetworkError(new Error('connect EWHATEVER 192.168.1.20:8443'))).toBe('the request failed on the network');
  });

  it('keeps the safe fetch\'s own refusals, which name no address', async () => {
    const { UnsafeUrlError } = await import('@/lib/net');
    const err = new TypeError('fetch failed', { cause: new UnsafeUrlError('The link points to an address that is not on the public Internet', '10.0.0.5 is private') });
    expect(describeNetworkError(err)).toBe('the link points to an address that is not on the public Internet');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds or an HTTP date', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});

describe('randomToken', () => {
  it('is url-safe, sized by bytes and different each time', () => {
    const token = randomToken(24);
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(randomToken(24)).not.toBe(token);
  });
});
