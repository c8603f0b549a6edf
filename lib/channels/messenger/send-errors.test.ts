import { memoryCache } from '../shared/memory-cache';
import { describe, expect, it } from 'vitest';
import { ConnectorError } from '../types';
import { messengerConfigSchema } from './config';
import { fakeGraph, graphError } from './fake-graph';
import { sendMessengerMessage } from './send';

const NOW = new Date('2026-03-10T12:00:00Z');
const config = messengerConfigSchema.parse({ pageId: '1', pageAccessToken: 't', appSecret: 's' });

async function sendAgainst(response: () => Response | Promise<Response>): Promise<ConnectorError> {
  const graph = fakeGraph(response);
  const ctx = { config, contactExternalId: '2', reference: null, lastInboundAt: NOW, now: NOW, fetch: graph.fetch, fetchUntrusted: graph.fetch, cache: memoryCache() };
  const err = await sendMessengerMessage(ctx, { text: 'hi', metadata: 'm' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

describe('Graph error mapping (by code/subcode, never by HTTP status)', () => {
  it.each([
    [10, 2018278, 'window_closed', false, '10/2018278'],
    [551, 1545041, 'invalid_recipient', false, '551/1545041'],
    [551, undefined, 'invalid_recipient', false, '551'],
    [100, 2018001, 'invalid_recipient', false, '100/2018001'],
    [100, undefined, 'invalid_request', false, '100'],
    [190, 460, 'auth', false, '190/460'],
    [200, undefined, 'auth', false, '200'],
    [4, undefined, 'rate_limited', true, '4'],
    [613, undefined, 'rate_limited', true, '613'],
    [32, undefined, 'rate_limited', true, '32'],
    [80006, undefined, 'rate_limited', true, '80006'],
    [1200, undefined, 'provider', true, '1200'],
    [2, undefined, 'provider', true, '2'],
    [1, undefined, 'provider', true, '1'],
    [12345, undefined, 'provider', false, '12345'],
  ] as const)('code %s / %s → %s (retryable %s)', async (code, subcode, kind, retryable, codeText) => {
    // Status 500 for all: the mapping must come from the code, not the status.
    const err = await sendAgainst(() => graphError(code, subcode, 500));
    expect(err).toMatchObject({ kind, retryable, code: codeText });
  });

  it('writes messages for the agent', async () => {
    expect((await sendAgainst(() => graphError(551, 1545041))).message)
      .toBe("This person isn't available right now (blocked the Page or deactivated)");
    expect((await sendAgainst(() => graphError(190))).message)
      .toBe('The Page access token expired or was revoked: reconnect the Page');
    expect((await sendAgainst(() => graphError(12345))).message).toContain('(#12345) Simulated Graph error');
  });

  it('passes Retry-After on rate limits', async () => {
    const err = await sendAgainst(() => graphError(613, undefined, 400, { 'retry-after': '30' }));
    expect(err).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 30 });
    expect((await sendAgainst(() => graphError(4))).retryAfterSeconds).toBeUndefined();
  });

  it('5xx without a Graph error (HTML from a proxy) → retryable provider', async () => {
    const err = await sendAgainst(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(err).toMatchObject({ kind: 'provider', retryable: true });
    expect(err.code).toBeUndefined();
  });

  it('4xx without a Graph error → non-retryable provider', async () => {
    expect(await sendAgainst(() => new Response('nope', { status: 404 }))).toMatchObject({ kind: 'provider', retryable: false });
  });

  it('network failure and timeout → retryable provider saying it may not have reached Meta', async () => {
    const refused = await sendAgainst(() => Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:443') })));
    expect(refused).toMatchObject({ kind: 'provider', retryable: true });
    expect(refused.message).toMatch(/the connection was refused.*may not have reached Meta/);
    expect(refused.message).not.toContain('127.0.0.1');
    const timedOut = await sendAgainst(() => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')));
    expect(timedOut).toMatchObject({ kind: 'provider', retryable: true });
    expect(timedOut.message).toContain('timed out after 15 s');
  });

  it('never leaks the access token into the error message', async () => {
    const err = await sendAgainst(() => Promise.reject(new TypeError('fetch failed')));
    expect(err.message).not.toContain('access_token');
  });
});
