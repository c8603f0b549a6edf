/**
 * Meta's wire encoding and signature (PROTOCOLS.md 2b, T1): JSON with every non-ASCII UTF-16 unit
 * escaped as lowercase \uXXXX (emoji as surrogate pairs), HMAC-SHA256 over exactly those bytes.
 */
import { createHmac } from 'node:crypto';

export function escapeNonAscii(json: string): string {
  return json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function toMetaJson(value: unknown): Buffer {
  return Buffer.from(escapeNonAscii(JSON.stringify(value)), 'utf8');
}

/** Both headers Meta sends with WhatsApp webhooks (the legacy sha1 one still comes along). */
export function metaSignatureHeaders(appSecret: string, body: Buffer): Record<string, string> {
  return {
    'X-Hub-Signature': `sha1=${createHmac('sha1', appSecret).update(body).digest('hex')}`,
    'X-Hub-Signature-256': `sha256=${createHmac('sha256', appSecret).update(body).digest('hex')}`,
  };
}
