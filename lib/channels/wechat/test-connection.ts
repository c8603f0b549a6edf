import { ConnectorError, type ConnectorDeps, type TestConnectionResult } from '../types';
import type { WeChatConfig } from './config';
import { fetchAccessToken, refreshAccessToken } from './token';

/**
 * Fetches an access token: that proves the AppID, the AppSecret and that this server's IP is on the
 * whitelist. With deps the new token goes into the shared cache under the refresh lock, so the
 * token the workers use stays the newest one; without deps it is thrown away (the workers then
 * get 40001 after WeChat's 5-minute overlap and refresh once). Never throws.
 */
export async function testWeChatConnection(config: WeChatConfig, fetchImpl: typeof fetch, deps?: ConnectorDeps): Promise<TestConnectionResult> {
  try {
    if (deps) await refreshAccessToken(config, { fetch: fetchImpl, cache: deps.cache });
    else await fetchAccessToken(config, fetchImpl);
  } catch (err) {
    if (!(err instanceof ConnectorError)) return { ok: false, message: `Unexpected failure: ${err instanceof Error ? err.message : String(err)}` };
    return { ok: false, message: err.message, ...(err.code ? { details: { errcode: err.code } } : {}) };
  }
  return {
    ok: true,
    message: `Connected: WeChat issued an access token for AppID ${config.appId} (AppSecret right, this server’s IP is on the whitelist)`,
    details: { appId: config.appId, mode: config.mode },
  };
}
