import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifyResult } from '../types';

/** Lowercase hex HMAC-SHA256: Meta webhook signatures and Graph `appsecret_proof` both use it. */
export function hmacSha256Hex(key: string | Buffer, data: string | Buffer): string {
  return createHmac('sha256', key).update(data).digest('hex');
}

/**
 * Constant-time string comparison. Lengths are compared first because
 * `crypto.timingSafeEqual` throws on buffers of different length (and the length is not secret).
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/**
 * Checks a `sha256=<hex>` header (Meta's X-Hub-Signature-256, also used by WhatsApp Cloud API)
 * against HMAC-SHA256(secret, rawBody). Always over the raw bytes: re-serialised JSON breaks
 * signatures on escaped Unicode (PROTOCOLS.md T1). Missing header → 401, anything else wrong → 403.
 */
export function verifySha256SignatureHeader(
  header: string | null,
  secret: string,
  rawBody: Buffer,
  headerName = 'X-Hub-Signature-256',
): VerifyResult {
  if (!header) return { ok: false, status: 401, reason: `Missing ${headerName} header` };
  const prefix = 'sha256=';
  if (!header.toLowerCase().startsWith(prefix)) {
    return { ok: false, status: 403, reason: `${headerName} is not of the form sha256=<hex>` };
  }
  const received = header.slice(prefix.length).trim().toLowerCase();
  const expected = hmacSha256Hex(secret, rawBody);
  if (!constantTimeEqual(received, expected)) {
    return { ok: false, status: 403, reason: `${headerName} does not match the request body` };
  }
  return { ok: true };
}
