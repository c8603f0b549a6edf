import { ConnectorError, type SharedCache } from '../types';
import { parseRetryAfter } from '../shared/http';
import { explainAadError, requestToken } from './aad';
import type { BotFrameworkConfig } from './config';

/** Refresh this long before AAD's expiry, so a token never expires in flight. */
export const TOKEN_EARLY_REFRESH_SECONDS = 300;

interface TokenDeps {
  fetch: typeof fetch;
  cache: SharedCache;
  now: Date;
}

const cacheKey = (config: Pick<BotFrameworkConfig, 'tokenEndpoint' | 'appId'>) => `botframework:token:${config.tokenEndpoint}:${config.appId}`;

/**
 * The bot's access token for the Connector, shared by all processes through the cache until
 * expires_in − 300 s. `rejected`: the token the Connector just refused with 401; a different cached
 * token (another process refreshed) is used as is, otherwise a new one is requested.
 */
export async function botAccessToken(config: BotFrameworkConfig, deps: TokenDeps, rejected?: string): Promise<string> {
  const key = cacheKey(config);
  const usable = (token: string | null): token is string => !!token && token !== rejected;
  const cached = await deps.cache.get(key);
  if (usable(cached)) return cached;
  return deps.cache.withLock(key, async () => {
    const again = await deps.cache.get(key);
    if (usable(again)) return again;
    const res = await requestToken(config, deps.fetch);
    if (res.ok) {
      const ttl = res.expiresIn - TOKEN_EARLY_REFRESH_SECONDS;
      if (ttl > 0) await deps.cache.set(key, res.accessToken, ttl);
      return res.accessToken;
    }
    if (res.network) {
      throw new ConnectorError('provider', `Could not get a Bot Framework token (${res.reason}); the message will be retried`, { retryable: true });
    }
    if (res.status === 429) {
      throw new ConnectorError('rate_limited', 'Microsoft is rate limiting token requests; the message will be retried', {
        retryAfterSeconds: parseRetryAfter(res.retryAfter, deps.now), code: res.aadCode,
      });
    }
    if (res.status >= 500) {
      throw new ConnectorError('provider', `Microsoft's token service answered HTTP ${res.status}; the message will be retried`, { retryable: true, code: res.aadCode });
    }
    throw new ConnectorError('auth', explainAadError(res.aadCode, res.reason, config), { retryable: false, code: res.aadCode });
  });
}
