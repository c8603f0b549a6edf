/**
 * The access token: ONE per AppID, shared by every process through the SharedCache. Fetching a
 * token invalidates the previous one after ~5 minutes, so workers that each fetched their own
 * would keep knocking each other out; the lock plus re-check makes exactly one of them fetch.
 */
import { ConnectorError, type SharedCache } from '../types';
import { apiUrl, callWeChat, type WeChatApiResult } from './api';
import type { WeChatConfig } from './config';
import { TOKEN_ERRCODES, wechatErrorToConnectorError } from './errors';

export type TokenDeps = { fetch: typeof fetch; cache: SharedCache };
type TokenConfig = Pick<WeChatConfig, 'appId' | 'appSecret' | 'apiBaseUrl'>;

export const tokenCacheKey = (appId: string) => `wechat:token:${appId}`;
const lockKey = (appId: string) => `wechat:token-refresh:${appId}`;

/** Refresh 5 minutes early (WeChat says 7200 s); short test lifetimes keep half. */
export function tokenTtlSeconds(expiresIn: number): number {
  return expiresIn > 600 ? expiresIn - 300 : Math.max(1, Math.floor(expiresIn / 2));
}

/** GET /cgi-bin/token. Throws ConnectorError (40013 AppID, 40125 AppSecret, 40164 IP whitelist...). */
export async function fetchAccessToken(config: TokenConfig, fetchImpl: typeof fetch): Promise<{ token: string; expiresIn: number }> {
  const url = apiUrl(config.apiBaseUrl, '/cgi-bin/token', { grant_type: 'client_credential', appid: config.appId, secret: config.appSecret });
  const { errcode, errmsg, json } = await callWeChat(fetchImpl, url);
  if (errcode !== 0) throw wechatErrorToConnectorError(errcode, errmsg);
  const token = json.access_token;
  const expiresIn = Number(json.expires_in ?? 7200);
  if (typeof token !== 'string' || token === '' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
    throw new ConnectorError('provider', 'WeChat answered the token request without an access_token', { retryable: true });
  }
  return { token, expiresIn };
}

/** Fetches a token and stores it for everyone; callers hold the refresh lock. */
async function refresh(config: TokenConfig, deps: TokenDeps): Promise<string> {
  const { token, expiresIn } = await fetchAccessToken(config, deps.fetch);
  await deps.cache.set(tokenCacheKey(config.appId), token, tokenTtlSeconds(expiresIn));
  return token;
}

export async function getAccessToken(config: TokenConfig, deps: TokenDeps): Promise<string> {
  const key = tokenCacheKey(config.appId);
  const cached = await deps.cache.get(key);
  if (cached) return cached;
  return deps.cache.withLock(lockKey(config.appId), async () => (await deps.cache.get(key)) ?? refresh(config, deps));
}

/** Forces a new token into the cache (testConnection: proves the AppSecret without leaving a stray token). */
export function refreshAccessToken(config: TokenConfig, deps: TokenDeps): Promise<string> {
  return deps.cache.withLock(lockKey(config.appId), () => refresh(config, deps));
}

/** Forgets `token` unless another process already replaced it (then the new one is kept). */
async function dropToken(config: TokenConfig, deps: TokenDeps, token: string): Promise<void> {
  const key = tokenCacheKey(config.appId);
  await deps.cache.withLock(lockKey(config.appId), async () => {
    if ((await deps.cache.get(key)) === token) await deps.cache.delete(key);
  });
}

/**
 * Runs an API call with the shared token. On 40001/40014/42001 the token is dropped, a fresh one
 * fetched and the call retried exactly once; any errcode left is the caller's to map.
 * `errcodeOf` reads the errcode of answers that are not always JSON (media downloads).
 */
export async function withAccessToken<T = WeChatApiResult>(
  config: TokenConfig,
  deps: TokenDeps,
  call: (token: string) => Promise<T>,
  errcodeOf: (result: T) => number = (result) => (result as WeChatApiResult).errcode,
): Promise<T> {
  const token = await getAccessToken(config, deps);
  const first = await call(token);
  if (!TOKEN_ERRCODES.has(errcodeOf(first))) return first;
  await dropToken(config, deps, token);
  return call(await getAccessToken(config, deps));
}
