import { describe, expect, it } from 'vitest';
import { memoryCache } from '../shared/memory-cache';
import type { SendContext } from '../types';
import { botframeworkConfigSchema, type BotFrameworkConfig } from './config';
import { sendBotFrameworkMessage } from './send';
import { aadError, fakeHttp, json, tokenResponse } from './test-http';

const NOW = new Date('2026-03-10T12:00:00Z');
const config = botframeworkConfigSchema.parse({ appId: '9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a', appPassword: 'pw', tenantId: 'botframework.com' });
const reference = { serviceUrl: 'https://smba.trafficmanager.net/emea/', channelId: 'msteams', conversationId: 'a:1xyz', botId: '28:bot', userId: '29:user' };

function sendWith(connector: (req: { url: string }) => Response | Promise<Response>, token: () => Response = () => tokenResponse('tok')) {
  const http = fakeHttp((req) => (req.url.includes('/oauth2/') ? token() : connector(req)));
  const ctx: SendContext<BotFrameworkConfig> = { config, contactExternalId: 'a:1xyz', reference, lastInboundAt: NOW, now: NOW, fetch: http.fetch, fetchUntrusted: http.fetch, cache: memoryCache() };
  return sendBotFrameworkMessage(ctx, { text: 'hi', metadata: 'msg_1' }).then(() => null, (e: unknown) => e);
}
const connectorError = (status: number, code: string, headers: Record<string, string> = {}) =>
  () => json({ error: { code, message: `Simulated ${code}` } }, status, headers);

describe('Connector errors', () => {
  it.each([
    [429, 'rate_limited', true],
    [412, 'provider', true],
    [502, 'provider', true],
    [504, 'provider', true],
    [500, 'provider', true],
    [403, 'invalid_recipient', false],
    [404, 'invalid_recipient', false],
    [400, 'invalid_request', false],
    [413, 'invalid_request', false],
    [409, 'provider', false],
  ] as const)('HTTP %i → %s (retryable: %s)', async (status, kind, retryable) => {
    expect(await sendWith(connectorError(status, 'Code'))).toMatchObject({ kind, retryable, code: 'Code' });
  });

  it('429 honours Retry-After (seconds or HTTP date)', async () => {
    expect(await sendWith(connectorError(429, 'Throttled', { 'Retry-After': '7' }))).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 7 });
    const date = new Date(NOW.getTime() + 30_000).toUTCString();
    expect(await sendWith(connectorError(429, 'Throttled', { 'Retry-After': date }))).toMatchObject({ retryAfterSeconds: 30 });
  });

  it('messages say what happened: 403 bot removed, 413 too large, Connector text included', async () => {
    expect(await sendWith(connectorError(403, 'BotDisabledByAdmin'))).toMatchObject({ message: expect.stringMatching(/removed, blocked or uninstalled.*Simulated BotDisabledByAdmin/) });
    expect(await sendWith(connectorError(413, 'MessageSizeTooBig'))).toMatchObject({ message: expect.stringContaining('too large') });
    expect(await sendWith(() => new Response('<html>Bad Gateway</html>', { status: 502 }))).toMatchObject({ kind: 'provider', retryable: true, code: 'HTTP 502' });
  });

  it('network failures and timeouts are retryable provider errors', async () => {
    const refused = () => Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 10.0.0.1:443') }));
    expect(await sendWith(refused)).toMatchObject({ kind: 'provider', retryable: true, message: expect.stringContaining('the connection was refused') });
    expect((await sendWith(refused) as Error).message).not.toContain('10.0.0.1');
    const timeout = () => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError'));
    expect(await sendWith(timeout)).toMatchObject({ kind: 'provider', retryable: true, message: expect.stringContaining('timed out after 15 s') });
  });
});

describe('token errors during a send', () => {
  it('AADSTS700016 on the multi-tenant authority: auth, with the single-tenant hint', async () => {
    const err = await sendWith(() => json({ id: 'x' }), () => aadError(700016, "Application with identifier '9e1b…' was not found in the directory 'Bot Framework'.", 400));
    expect(err).toMatchObject({ kind: 'auth', retryable: false, code: 'AADSTS700016', message: expect.stringContaining('single-tenant bots need the tenant id') });
  });

  it('AAD unreachable or 5xx: retryable; AAD 429: rate limited', async () => {
    expect(await sendWith(() => json({}), () => { throw new TypeError('fetch failed'); })).toMatchObject({ kind: 'provider', retryable: true });
    expect(await sendWith(() => json({}), () => json({ error: 'temporarily_unavailable' }, 503))).toMatchObject({ kind: 'provider', retryable: true });
    expect(await sendWith(() => json({}), () => json({ error: 'throttled' }, 429, { 'Retry-After': '12' }))).toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 12 });
  });
});

describe('serviceUrl through the safe fetch', () => {
  it('a serviceUrl on a private or link-local address is refused for good, without naming the address', async () => {
    const { createSafeFetch } = await import('@/lib/net');
    const safe = createSafeFetch({ allowLoopback: false, maxBytes: 1024 * 1024, timeoutMs: 2000 });
    const http = fakeHttp(() => tokenResponse('tok'));
    for (const serviceUrl of ['http://10.0.0.5/', 'http://169.254.169.254/latest/', 'http://[::ffff:127.0.0.1]/']) {
      const ctx: SendContext<BotFrameworkConfig> = { config, contactExternalId: 'a:1xyz', reference: { ...reference, serviceUrl }, lastInboundAt: NOW, now: NOW, fetch: http.fetch, fetchUntrusted: safe, cache: memoryCache() };
      const err = await sendBotFrameworkMessage(ctx, { text: 'hi', metadata: 'msg_1' }).then(() => null, (e: unknown) => e);
      expect(err, serviceUrl).toMatchObject({ kind: 'invalid_recipient', retryable: false, message: expect.stringContaining('not on the public Internet') });
      expect((err as Error).message).not.toMatch(/10\.0\.0\.5|169\.254|127\.0\.0\.1/);
    }
  });
});
