import { randomBytes } from 'node:crypto';

/** A random url-safe token (base64url, no padding), e.g. for webhook verify tokens. */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('base64url');
}
