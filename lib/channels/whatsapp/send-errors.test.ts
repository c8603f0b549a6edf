import { describe, expect, it } from 'vitest';
import { memoryCache } from '../shared/memory-cache';
import { ConnectorError } from '../types';
import { whatsappConfigSchema } from './config';
import { cloudError, fakeFetch, json } from './fake-fetch';
import { sendWhatsAppMessage } from './send';

const NOW = new Date('2026-03-10T12:00:00Z');
const config = whatsappConfigSchema.parse({ phoneNumberId: '1', wabaId: '2', accessToken: 'EAAsecret-token', appSecret: 's' });

async function sendAgainst(response: () => Response | Promise<Response>): Promise<ConnectorError> {
  const api = fakeFetch(response);
  const ctx = { config, contactExternalId: '16505551234', reference: null, lastInboundAt: NOW, now: NOW, fetch: api.fetch, fetchUntrusted: api.fetch, cache: memoryCache() };
  const err = await sendWhatsAppMessage(ctx, { text: 'hi', metadata: 'm' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

describe('Cloud API error mapping (by error.code, never by HTTP status or text)', () => {
  it.each([
    [130429, 'rate_limited', true],
    [131056, 'rate_limited', true],
    [4, 'rate_limited', true],
    [80007, 'rate_limited', true],
    [131026, 'invalid_recipient', false],
    [131047, 'window_closed', false],
    [131048, 'provider', false],
    [131049, 'provider', false],
    [131030, 'invalid_recipient', false],
    [131051, 'invalid_request', false],
    [132000, 'invalid_request', false],
    [132001, 'invalid_request', false],
    [132012, 'invalid_request', false],
    [133010, 'provider', false],
    [368, 'provider', false],
    [131031, 'provider', false],
    [190, 'auth', false],
    [10, 'auth', false],
    [200, 'auth', false],
    [1, 'provider', true],
    [2, 'provider', true],
    [131000, 'provider', true],
    [131016, 'provider', true],
    [99999, 'provider', false],
  ] as const)('code %s → %s (retryable %s)', async (code, kind, retryable) => {
    // Same HTTP status for every code: the mapping must come from the code.
    const err = await sendAgainst(() => cloudError(code, 400));
    expect(err).toMatchObject({ kind, retryable, code: String(code) });
  });

  it('pair rate limit asks to wait 6 s; a Retry-After header wins; other throttles carry none', async () => {
    expect((await sendAgainst(() => cloudError(131056))).retryAfterSeconds).toBe(6);
    expect((await sendAgainst(() => cloudError(130429, 400, 'x', { 'retry-after': '30' }))).retryAfterSeconds).toBe(30);
    expect((await sendAgainst(() => cloudError(4))).retryAfterSeconds).toBeUndefined();
  });

  it('writes messages for the agent, adding Meta details where they help fix the request', async () => {
    expect((await sendAgainst(() => cloudError(131047))).message).toBe('More than 24 hours have passed since the customer last wrote: only a template can be sent now');
    expect((await sendAgainst(() => cloudError(131026))).message).toBe('Message undeliverable: the number is not on WhatsApp or cannot receive it');
    expect((await sendAgainst(() => cloudError(190, 401))).message).toBe('The access token expired or is invalid');
    expect((await sendAgainst(() => cloudError(132000, 400, 'body: expected 2, got 1'))).message)
      .toBe('The number of template parameters does not match the approved template: body: expected 2, got 1');
    expect((await sendAgainst(() => cloudError(99999, 400, 'Odd thing'))).message).toBe('WhatsApp refused the message: Odd thing (code 99999)');
  });

  it('5xx without an error body (proxy HTML) → retryable; 401 without one → auth; other 4xx → not retryable', async () => {
    expect(await sendAgainst(() => new Response('<html>502</html>', { status: 502 }))).toMatchObject({ kind: 'provider', retryable: true });
    expect(await sendAgainst(() => new Response('', { status: 401 }))).toMatchObject({ kind: 'auth', retryable: false });
    expect(await sendAgainst(() => json({ nope: true }, 404))).toMatchObject({ kind: 'provider', retryable: false });
  });

  it('a 5xx with an unknown code is retryable', async () => {
    expect(await sendAgainst(() => cloudError(55555, 503))).toMatchObject({ kind: 'provider', retryable: true, code: '55555' });
  });

  it('network failure and timeout → retryable provider error that never leaks the token', async () => {
    const refused = await sendAgainst(() => Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:443') })));
    expect(refused).toMatchObject({ kind: 'provider', retryable: true });
    expect(refused.message).toMatch(/the connection was refused.*may not have reached WhatsApp/);
    expect(refused.message).not.toContain('127.0.0.1');
    const timedOut = await sendAgainst(() => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')));
    expect(timedOut).toMatchObject({ kind: 'provider', retryable: true, message: expect.stringContaining('timed out after 15 s') });
    expect(timedOut.message).not.toContain('EAAsecret-token');
  });
});
