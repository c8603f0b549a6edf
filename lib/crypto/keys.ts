/** Keys derived from APP_SECRET with HKDF, one per purpose, so one secret never serves two jobs. */
import { hkdfSync } from 'node:crypto';

export function deriveKey(appSecret: string, purpose: 'secrets-encryption' | 'session-signing'): Buffer {
  return Buffer.from(hkdfSync('sha256', appSecret, 'switchboard', purpose, 32));
}
