import { describe, expect, it } from 'vitest';
import { memoryCache } from '../shared/memory-cache';
import { ConnectorError } from '../types';
import { wechatConfigSchema } from './config';
import { fakeWeChatApi, tokenOk, wxError, wxJson } from './test-support';
import { getAccessToken, tokenCacheKey, tokenTtlSeconds, withAccessToken } from './token';
import { callWeChat } from './api';

const config = wechatConfigSchema.parse({ appId: 'wx49f0ab532d5d035a', appSecret: 'sec/ret+1', apiBaseUrl: 'http://wx.test/sim' });
const isTokenCall = (url: URL) => url.pathname.endsWith('/cgi-bin/token');

describe('getAccessToken', () => {
  it('GETs /cgi-bin/token with client_credential, appid and secret, and caches it for expires_in − 300 s', async () => {
    let clock = 0;
    const cache = memoryCache(() => clock);
    const api = fakeWeChatApi((_c, i) => tokenOk(`T${i}`, 7200));
    expect(await getAccessToken(config, { fetch: api.fetch, cache })).toBe('T0');
    const { url } = api.calls[0];
    expect(`${url.origin}${url.pathname}`).toBe('http://wx.test/sim/cgi-bin/token');
    expect(Object.fromEntries(url.searchParams)).toEqual({ grant_type: 'client_credential', appid: 'wx49f0ab532d5d035a', secret: 'sec/ret+1' });
    expect(await cache.get(tokenCacheKey(config.appId))).toBe('T0');
    clock = 6899_000;
    expect(await getAccessToken(config, { fetch: api.fetch, cache })).toBe('T0');
    clock = 6900_000;
    expect(await getAccessToken(config, { fetch: api.fetch, cache })).toBe('T1');
    expect(tokenTtlSeconds(7200)).toBe(6900);
    expect(tokenTtlSeconds(60)).toBe(30);
  });

  it('concurrent callers with an empty cache fetch the token once (lock + re-check)', async () => {
    const api = fakeWeChatApi(async (_c, i) => {
      await new Promise((r) => setTimeout(r, 20));
      return tokenOk(`T${i}`);
    });
    const deps = { fetch: api.fetch, cache: memoryCache() };
    const tokens = await Promise.all(Array.from({ length: 10 }, () => getAccessToken(config, deps)));
    expect(new Set(tokens)).toEqual(new Set(['T0']));
    expect(api.calls).toHaveLength(1);
  });

  it('maps token errors in words and caches nothing', async () => {
    const cache = memoryCache();
    const api = fakeWeChatApi(() => wxError(40125, 'invalid appsecret'));
    const err = await getAccessToken(config, { fetch: api.fetch, cache }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'auth', code: '40125', retryable: false });
    expect(await cache.get(tokenCacheKey(config.appId))).toBeNull();
    const noToken = fakeWeChatApi(() => wxJson({ expires_in: 7200 }));
    await expect(getAccessToken(config, { fetch: noToken.fetch, cache })).rejects.toMatchObject({ kind: 'provider', retryable: true });
  });
});

describe('withAccessToken', () => {
  const call = (api: ReturnType<typeof fakeWeChatApi>) => (token: string) => callWeChat(api.fetch, `http://wx.test/sim/cgi-bin/x?access_token=${token}`);

  it.each([40001, 40014, 42001])('on %i drops the cached token, fetches a new one and retries exactly once', async (errcode) => {
    const cache = memoryCache();
    await cache.set(tokenCacheKey(config.appId), 'STALE', 1000);
    const api = fakeWeChatApi((c) => (isTokenCall(c.url) ? tokenOk('FRESH') : c.url.searchParams.get('access_token') === 'STALE' ? wxError(errcode) : wxJson({ errcode: 0, errmsg: 'ok' })));
    const result = await withAccessToken(config, { fetch: api.fetch, cache }, call(api));
    expect(result.errcode).toBe(0);
    expect(api.calls.map((c) => `${c.url.pathname}:${c.url.searchParams.get('access_token') ?? ''}`)).toEqual(['/sim/cgi-bin/x:STALE', '/sim/cgi-bin/token:', '/sim/cgi-bin/x:FRESH']);
    expect(await cache.get(tokenCacheKey(config.appId))).toBe('FRESH');
  });

  it('does not loop: a second token error is returned to the caller after one refresh', async () => {
    const api = fakeWeChatApi((c) => (isTokenCall(c.url) ? tokenOk('T') : wxError(40001)));
    const result = await withAccessToken(config, { fetch: api.fetch, cache: memoryCache() }, call(api));
    expect(result.errcode).toBe(40001);
    expect(api.calls.filter((c) => isTokenCall(c.url))).toHaveLength(2);
    expect(api.calls.filter((c) => !isTokenCall(c.url))).toHaveLength(2);
  });

  it('keeps a newer token another process stored meanwhile', async () => {
    const cache = memoryCache();
    await cache.set(tokenCacheKey(config.appId), 'OLD', 1000);
    const api = fakeWeChatApi(async (c) => {
      if (isTokenCall(c.url)) return tokenOk('NEVER');
      if (c.url.searchParams.get('access_token') === 'OLD') {
        await cache.set(tokenCacheKey(config.appId), 'NEWER', 1000); // another worker refreshed while we called
        return wxError(40001);
      }
      return wxJson({ errcode: 0 });
    });
    await withAccessToken(config, { fetch: api.fetch, cache }, call(api));
    expect(api.calls.some((c) => isTokenCall(c.url))).toBe(false);
    expect(api.calls.at(-1)!.url.searchParams.get('access_token')).toBe('NEWER');
  });
});
