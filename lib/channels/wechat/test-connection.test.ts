import { describe, expect, it } from 'vitest';
import { memoryCache, testDeps } from '../shared/memory-cache';
import { wechatConfigSchema } from './config';
import { testWeChatConnection } from './test-connection';
import { fakeWeChatApi, tokenOk, wxError } from './test-support';
import { tokenCacheKey } from './token';

const config = wechatConfigSchema.parse({ appId: 'wx49f0ab532d5d035a', appSecret: 's', apiBaseUrl: 'http://wx.test' });

describe('testWeChatConnection', () => {
  it('ok when WeChat issues a token; with deps the token goes into the shared cache', async () => {
    const cache = memoryCache();
    await cache.set(tokenCacheKey(config.appId), 'OLD', 1000);
    const api = fakeWeChatApi(() => tokenOk('NEW'));
    const result = await testWeChatConnection(config, api.fetch, testDeps({ cache, fetch: api.fetch }));
    expect(result).toMatchObject({ ok: true, details: { appId: 'wx49f0ab532d5d035a', mode: 'plain' } });
    expect(result.message).toMatch(/^Connected: WeChat issued an access token for AppID wx49f0ab532d5d035a/);
    expect(await cache.get(tokenCacheKey(config.appId))).toBe('NEW');
  });

  it.each([
    [40013, 'invalid appid', /rejected the AppID \(40013\)/],
    [40125, 'invalid appsecret', /rejected the AppSecret \(40125\)/],
    [40164, 'invalid ip 198.51.100.4 ipv6 ::ffff:198.51.100.4, not in whitelist', /IP address 198\.51\.100\.4 is not on the Official Account’s IP whitelist/],
    [-1, 'system error', /busy/],
  ])('explains errcode %i in words', async (errcode, errmsg, message) => {
    const result = await testWeChatConnection(config, fakeWeChatApi(() => wxError(errcode, errmsg)).fetch);
    expect(result).toMatchObject({ ok: false, details: { errcode: String(errcode) } });
    expect(result.message).toMatch(message);
  });

  it('reports an unreachable API without throwing', async () => {
    const failing = (() => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND wx.test') }))) as typeof fetch;
    const result = await testWeChatConnection(config, failing);
    expect(result).toEqual({ ok: false, message: expect.stringContaining('the host name could not be resolved') });
  });
});
