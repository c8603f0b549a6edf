/**
 * Test-only: RSA keys and Connector-style JWTs, signed synchronously with node:crypto (contract
 * fixtures must build signed requests synchronously), including the forgeries verify must refuse.
 */
import { createHash, createHmac, createSign, generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { BotSigningKey } from './openid-fetch';
import { BODY_HASH_CLAIM, BOT_FRAMEWORK_ISSUER } from './verify';

export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  /** The public JWK as the key set publishes it. */
  jwk: BotSigningKey;
}

export const DEFAULT_ENDORSEMENTS = ['msteams', 'webchat', 'directline', 'emulator'];

export function makeTestKey(kid: string, endorsements: string[] | null = DEFAULT_ENDORSEMENTS): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const { n, e } = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  return { kid, privateKey, jwk: { kty: 'RSA', use: 'sig', kid, n, e, ...(endorsements ? { endorsements } : {}) } };
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const HASH: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

/** Signs any header/payload: RS* with the private key, HS256 with `hmacSecret`, `none` unsigned. */
export function signJwt(header: Record<string, unknown>, payload: Record<string, unknown>, key: TestKey, hmacSecret = 'secret'): string {
  const input = `${b64(header)}.${b64(payload)}`;
  const alg = String(header.alg);
  if (alg === 'none') return `${input}.`;
  if (alg === 'HS256') return `${input}.${createHmac('sha256', hmacSecret).update(input).digest('base64url')}`;
  return `${input}.${createSign(HASH[alg]).update(input).sign(key.privateKey).toString('base64url')}`;
}

export interface TokenOptions {
  appId: string;
  serviceUrl: string;
  nowMs?: number;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
  alg?: string;
  kid?: string;
  /** Claims replacing or adding to the defaults (undefined removes one). */
  claims?: Record<string, unknown>;
  /** Binds the token to these body bytes (BODY_HASH_CLAIM). */
  body?: Buffer;
}

/** A token like the Connector's (iss api.botframework.com, aud app id, serviceurl), tweakable. */
export function connectorToken(key: TestKey, o: TokenOptions): string {
  const now = Math.floor((o.nowMs ?? Date.now()) / 1000);
  const payload: Record<string, unknown> = {
    iss: BOT_FRAMEWORK_ISSUER, aud: o.appId, serviceurl: o.serviceUrl,
    nbf: now - 60, iat: now - 60, exp: now + (o.expiresIn ?? 3600),
    ...(o.body ? { [BODY_HASH_CLAIM]: createHash('sha256').update(o.body).digest('base64url') } : {}),
    ...o.claims,
  };
  for (const [k, v] of Object.entries(payload)) if (v === undefined) delete payload[k];
  return signJwt({ alg: o.alg ?? 'RS256', typ: 'JWT', kid: o.kid ?? key.kid }, payload, key);
}
