import { describe, expect, it } from 'vitest';
import { memoryCache } from '../shared/memory-cache';
import { ConnectorError, type SendContext } from '../types';
import { wechatConfigSchema, type WeChatConfig } from './config';
import { sendWeChatMessage } from './send';
import { fakeWeChatApi, OPENID, tokenOk, wxError } from './test-support';

const NOW = new Date('2026-03-10T12:00:00Z');
const config = wechatConfigSchema.parse({ appId: 'wx49f0ab532d5d035a', appSecret: 's', apiBaseUrl: 'http://wx.test' });

/** Sends one text where custom/send answers `errcode` (the token endpoint works). */
async function sendFailingWith(errcode: number, errmsg = 'simulated'): Promise<ConnectorError> {
  const api = fakeWeChatApi((c) => (c.url.pathname === '/cgi-bin/token' ? tokenOk() : wxError(errcode, errmsg)));
  const ctx: SendContext<WeChatConfig> = { config, contactExternalId: OPENID, reference: null, lastInboundAt: new Date(NOW.getTime() - 60_000), now: NOW, fetch: api.fetch, fetchUntrusted: api.fetch, cache: memoryCache() };
  const err = await sendWeChatMessage(ctx, { text: 'hi', metadata: 'm' }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ConnectorError);
  return err as ConnectorError;
}

describe('send errcode mapping (HTTP 200 + errcode; errmsg and its hint are never matched)', () => {
  it.each([
    [-1, 'provider', true, /WeChat is busy/],
    [45015, 'window_closed', false, /^The 48-hour reply window closed \(or the user unfollowed\)$/],
    [45047, 'window_closed', false, /^Reply limit reached for this window: wait for the customer to write again$/],
    [45009, 'rate_limited', true, /daily API quota/],
    [45011, 'rate_limited', true, /per-minute API limit/],
    [40003, 'invalid_recipient', false, /OpenID/],
    [43004, 'invalid_recipient', false, /does not follow/],
    [48001, 'auth', false, /lacks the permission/],
    [40013, 'auth', false, /rejected the AppID/],
    [40125, 'auth', false, /rejected the AppSecret/],
    [40164, 'auth', false, /IP whitelist/],
    [44004, 'invalid_request', false, /empty/],
    [45002, 'invalid_request', false, /too long/],
    [40007, 'invalid_request', false, /media_id/],
    [99999, 'provider', false, /errcode 99999/],
  ] as const)('%i → %s (retryable %s)', async (errcode, kind, retryable, message) => {
    const err = await sendFailingWith(errcode);
    expect(err).toMatchObject({ kind, retryable, code: String(errcode) });
    expect(err.message).toMatch(message);
  });

  it('names the IP from a 40164 errmsg for the admin', async () => {
    const err = await sendFailingWith(40164, 'invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist');
    expect(err.message).toContain('IP address 203.0.113.7 is not on');
  });

  it('branches on errcode even when errmsg looks like another error', async () => {
    expect(await sendFailingWith(45015, 'api unauthorized')).toMatchObject({ kind: 'window_closed' });
  });

  it.each([40001, 40014, 42001])('%i that survives one refresh becomes an auth error (refresh once, retry once)', async (errcode) => {
    const api = fakeWeChatApi((c) => (c.url.pathname === '/cgi-bin/token' ? tokenOk() : wxError(errcode)));
    const ctx: SendContext<WeChatConfig> = { config, contactExternalId: OPENID, reference: null, lastInboundAt: NOW, now: NOW, fetch: api.fetch, fetchUntrusted: api.fetch, cache: memoryCache() };
    await expect(sendWeChatMessage(ctx, { text: 'hi', metadata: 'm' })).rejects.toMatchObject({ kind: 'auth', code: String(errcode), retryable: false });
    expect(api.calls.map((c) => c.url.pathname)).toEqual(['/cgi-bin/token', '/cgi-bin/message/custom/send', '/cgi-bin/token', '/cgi-bin/message/custom/send']);
  });

  it('a non-JSON answer (a proxy in between) is a provider error, retryable for 5xx', async () => {
    const api = fakeWeChatApi(() => new Response('<html>502 Bad Gateway</html>', { status: 502 }));
    const ctx: SendContext<WeChatConfig> = { config, contactExternalId: OPENID, reference: null, lastInboundAt: NOW, now: NOW, fetch: api.fetch, fetchUntrusted: api.fetch, cache: memoryCache() };
    await expect(sendWeChatMessage(ctx, { text: 'hi', metadata: 'm' })).rejects.toMatchObject({ kind: 'provider', retryable: true });
  });
});
