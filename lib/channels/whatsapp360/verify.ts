import { constantTimeEqual } from '../shared/hmac';
import type { VerifyResult, WebhookRequest } from '../types';

/**
 * 360dialog Cloud hosts the Meta app, so Meta's HMAC cannot be checked (PROTOCOLS.md 2b). Instead
 * the webhook was registered with `headers: {Authorization: <secret>}` and every POST must carry it.
 */
export function verifyAuthorizationHeader(req: WebhookRequest, secret: string): VerifyResult {
  const given = req.headers.get('authorization');
  if (!given) return { ok: false, status: 401, reason: 'Missing Authorization header (expected the webhook secret registered with 360dialog)' };
  if (!constantTimeEqual(given.trim(), secret)) return { ok: false, status: 403, reason: 'Authorization header does not match the webhook secret' };
  return { ok: true };
}
