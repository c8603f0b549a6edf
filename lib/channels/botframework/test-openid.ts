/** Test-only: an in-memory OpenID metadata + JWKS endpoint behind a fake fetch, counting calls. */
import { randomUUID } from 'node:crypto';
import type { BotSigningKey } from './openid-fetch';

export function fakeOpenId(keys: BotSigningKey[]) {
  // A fresh URL per fake: the key cache is per process and keyed by metadata URL.
  const base = `https://login.botframework.test/${randomUUID()}`;
  const metadataUrl = `${base}/v1/.well-known/openidconfiguration`;
  const jwksUri = `${base}/v1/.well-known/keys`;
  const state = { keys, down: false };
  const calls: string[] = [];
  const fetchImpl = (async (input: string | URL | Request) => {
    const url = String(input);
    calls.push(url);
    if (state.down) throw new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND login.botframework.test') });
    if (url === metadataUrl) return Response.json({ issuer: 'https://api.botframework.com', jwks_uri: jwksUri, id_token_signing_alg_values_supported: ['RS256'] });
    if (url === jwksUri) return Response.json({ keys: state.keys });
    return new Response('not found', { status: 404 });
  }) as typeof fetch;
  return {
    metadataUrl,
    fetch: fetchImpl,
    calls,
    setKeys: (next: BotSigningKey[]) => void (state.keys = next),
    setDown: (down: boolean) => void (state.down = down),
  };
}
