import type { TestConnectionResult } from '../types';
import { explainAadError, requestToken } from './aad';
import type { BotFrameworkConfig } from './config';
import { fetchSigningKeys } from './openid-fetch';

/**
 * The wizard's check: the app ID, password and tenant get a Connector token from the token
 * endpoint (what every send needs), and the OpenID metadata yields signing keys (what every
 * webhook needs). Never throws.
 */
export async function testBotFrameworkConnection(config: BotFrameworkConfig, fetchImpl: typeof fetch, fetchUntrusted: typeof fetch = fetchImpl): Promise<TestConnectionResult> {
  const host = hostOf(config.tokenEndpoint);
  const token = await requestToken(config, fetchImpl);
  if (!token.ok && token.network) return { ok: false, message: `Could not reach ${host}: ${token.reason}` };
  if (!token.ok) {
    return {
      ok: false,
      message: explainAadError(token.aadCode, token.reason, config),
      details: { httpStatus: String(token.status), ...(token.aadCode ? { aadCode: token.aadCode } : {}) },
    };
  }
  let keyCount: number;
  try {
    keyCount = (await fetchSigningKeys(fetchUntrusted, config.openIdMetadataUrl)).length;
  } catch (err) {
    return { ok: false, message: `The credentials work, but incoming messages cannot be verified: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (keyCount === 0) {
    return { ok: false, message: `The credentials work, but ${hostOf(config.openIdMetadataUrl)} published no RSA signing keys: incoming messages cannot be verified` };
  }
  return {
    ok: true,
    message: `Bot ${config.appId} got a Bot Framework token from tenant ${config.tenantId}, and ${keyCount} signing key(s) were found for incoming messages`,
    details: { tokenExpiresInSeconds: String(token.expiresIn), signingKeys: String(keyCount) },
  };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
