import { createHash } from 'node:crypto';
import { decodeJwt, decodeProtectedHeader, importJWK, jwtVerify, type JWTPayload } from 'jose';
import { SharedCacheBusyError, type ConnectorDeps, type VerifyResult, type WebhookRequest } from '../types';
import { decodeJsonBody } from './activity';
import type { BotFrameworkConfig } from './config';
import type { BotSigningKey } from './openid-fetch';
import { findSigningKey } from './openid-keys';
import { bearerToken, bodyFields, jwtFailure, reject } from './verify-helpers';

export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
export const ALLOWED_ALGORITHMS = ['RS256', 'RS384', 'RS512'];
export const CLOCK_TOLERANCE_SECONDS = 300;
/**
 * Bot Framework tokens do not cover the body (TLS does), so no real token can detect a tampered
 * body. A token that carries this non-standard claim (only our own test tokens do) gets the body's
 * SHA-256 checked against it: the shared contract's tamper check then means something here, and
 * real Connector tokens, which never carry it, are unaffected.
 */
export const BODY_HASH_CLAIM = 'body_sha256';

/**
 * The Connector → bot authentication of botbuilder-js (PROTOCOLS.md 4b), all seven checks.
 * 401: the request does not prove it comes from the Bot Framework Connector (no, malformed,
 * forged or expired token). 403: a genuine token that is not for this bot or this activity.
 * Emulator tokens (AAD issuers) are refused: the Emulator is a developer tool that talks to a
 * local bot, not to an inbox on the internet.
 */
export async function verifyBotFrameworkRequest(
  req: WebhookRequest,
  config: BotFrameworkConfig,
  deps: ConnectorDeps,
): Promise<VerifyResult> {
  const token = bearerToken(req.headers.get('authorization'));
  if (typeof token !== 'string') return token;

  let alg: string | undefined;
  let kid: string | undefined;
  let claims: JWTPayload;
  try {
    ({ alg, kid } = decodeProtectedHeader(token));
    claims = decodeJwt(token);
  } catch {
    return reject(401, 'Authorization token is not a well-formed JWT');
  }
  // (3) before any network: alg "none" or HS256 (signed with a public key as secret) never get near a key.
  if (!alg || !ALLOWED_ALGORITHMS.includes(alg)) return reject(401, `token algorithm "${alg ?? 'none'}" is not allowed (RS256, RS384 or RS512 only)`);
  // (1) issuer pre-check on the unverified claims; jwtVerify checks it again once signed.
  if (claims.iss !== BOT_FRAMEWORK_ISSUER) {
    return reject(401, `token issuer "${String(claims.iss)}" is not the Bot Framework Connector (${BOT_FRAMEWORK_ISSUER}); Emulator tokens are not accepted`);
  }
  if (!kid) return reject(401, 'token names no signing key (kid)');

  // (2) OpenID metadata → JWKS, cached 24 h, refreshed at most hourly for an unknown kid.
  let key: BotSigningKey;
  try {
    const lookup = await findSigningKey(config.openIdMetadataUrl, kid, deps);
    if (!lookup.ok) return reject(401, lookup.reason);
    key = lookup.key;
  } catch (err) {
    if (err instanceof SharedCacheBusyError) throw err; // transient: the ingress answers 503 and the Connector retries
    return reject(401, `could not load the Bot Framework signing keys: ${err instanceof Error ? err.message : String(err)}`);
  }
  if (key.alg && key.alg !== alg) return reject(401, `key "${kid}" is published for ${key.alg}, the token says ${alg}`);

  // Signature (3), issuer (1), lifetime (4) with 5 minutes of clock skew, audience (5).
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, await importJWK(key, alg), {
      algorithms: ALLOWED_ALGORITHMS,
      issuer: BOT_FRAMEWORK_ISSUER,
      audience: config.appId,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      currentDate: deps.now(),
      requiredClaims: ['exp'],
    }));
  } catch (err) {
    return jwtFailure(err, claims, config.appId, kid);
  }

  const body = bodyFields(decodeBodySafely(req.rawBody));
  if (!body) return reject(403, 'the body is not an activity with channelId and serviceUrl, so the token cannot be matched to it');
  const bodyHash = payload[BODY_HASH_CLAIM];
  if (bodyHash !== undefined && bodyHash !== createHash('sha256').update(req.rawBody).digest('base64url')) {
    return reject(403, `the body does not match the token's ${BODY_HASH_CLAIM} claim`);
  }
  // (6) a key endorsed for some channels only signs activities of those channels.
  if (key.endorsements && !key.endorsements.includes(body.channelId)) {
    return reject(403, `signing key "${kid}" is not endorsed for channel "${body.channelId}" (endorses: ${key.endorsements.join(', ') || 'none'})`);
  }
  // (7) the token was issued for the serviceUrl we will answer to (replies go there).
  if (payload.serviceurl !== body.serviceUrl) {
    return reject(403, `token serviceurl "${String(payload.serviceurl ?? '(none)')}" does not match the activity's serviceUrl "${body.serviceUrl}"`);
  }
  return { ok: true };
}

function decodeBodySafely(rawBody: Buffer): unknown {
  try {
    return decodeJsonBody(rawBody);
  } catch {
    return undefined;
  }
}
