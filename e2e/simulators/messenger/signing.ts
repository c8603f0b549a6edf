/**
 * Meta's wire encoding and signatures (PROTOCOLS.md 1b, test vector T1).
 * Meta signs JSON whose non-ASCII characters are escaped as lowercase \uXXXX (emoji as surrogate pairs),
 * so a receiver that re-serialises the parsed body computes a different digest.
 */
import { createHmac } from 'node:crypto';

/** Escapes every UTF-16 code unit above 0x7f; a surrogate pair becomes two escapes, as Meta sends it. */
export function escapeNonAscii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Serialises a payload exactly as the simulator puts it on the wire. */
export function toMetaJson(value: unknown): Buffer {
  return Buffer.from(escapeNonAscii(JSON.stringify(value)), 'utf8');
}

export function hmacHex(algorithm: 'sha1' | 'sha256', key: string, data: Buffer | string): string {
  return createHmac(algorithm, key).update(data).digest('hex');
}

/** Both signature headers Meta sends, computed over the exact bytes on the wire. */
export function signatureHeaders(appSecret: string, body: Buffer): Record<string, string> {
  return {
    'X-Hub-Signature': `sha1=${hmacHex('sha1', appSecret, body)}`,
    'X-Hub-Signature-256': `sha256=${hmacHex('sha256', appSecret, body)}`,
  };
}

/** appsecret_proof = hex HMAC-SHA256(key = app secret, message = access token). */
export function appsecretProof(appSecret: string, accessToken: string): string {
  return hmacHex('sha256', appSecret, accessToken);
}
