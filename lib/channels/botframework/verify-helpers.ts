import { errors, type JWTPayload } from 'jose';
import type { VerifyResult } from '../types';

export const reject = (status: 401 | 403, reason: string): VerifyResult => ({ ok: false, status, reason });

/** `Authorization: Bearer <JWT>`: exactly two parts and exactly that scheme, like botbuilder-js. */
export function bearerToken(header: string | null): string | VerifyResult {
  if (!header) return reject(401, 'Missing Authorization header (the Bot Framework Connector sends "Bearer <JWT>")');
  const parts = header.split(' ');
  if (parts.length !== 2 || parts[0] !== 'Bearer' || parts[1] === '') {
    return reject(401, 'Authorization header is not of the form "Bearer <JWT>"');
  }
  return parts[1];
}

/** The two activity fields the token is matched against, if the body has them. */
export function bodyFields(json: unknown): { channelId: string; serviceUrl: string } | null {
  const activity = json as { channelId?: unknown; serviceUrl?: unknown } | null | undefined;
  if (typeof activity?.channelId !== 'string' || typeof activity.serviceUrl !== 'string') return null;
  return { channelId: activity.channelId, serviceUrl: activity.serviceUrl };
}

const when = (seconds: unknown) => (typeof seconds === 'number' ? new Date(seconds * 1000).toISOString() : 'an unknown time');

/** A jose verification error as a precise reason; a wrong audience is the only 403. */
export function jwtFailure(err: unknown, claims: JWTPayload, appId: string, kid: string): VerifyResult {
  if (err instanceof errors.JWTExpired) return reject(401, `token expired at ${when(claims.exp)} (more than 5 minutes ago)`);
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'aud') return reject(403, `token audience "${String(claims.aud)}" is not this bot's Microsoft App ID (${appId})`);
    if (err.claim === 'nbf') return reject(401, `token is not valid before ${when(claims.nbf)} (more than 5 minutes ahead)`);
    if (err.claim === 'exp') return reject(401, 'token has no expiry (exp)');
    return reject(401, `token claim "${err.claim}" is invalid: ${err.reason}`);
  }
  if (err instanceof errors.JWSSignatureVerificationFailed) return reject(401, `token signature does not verify with key "${kid}"`);
  if (err instanceof errors.JOSEAlgNotAllowed) return reject(401, 'token algorithm is not allowed');
  return reject(401, `token rejected: ${err instanceof Error ? err.message : String(err)}`);
}
