/** API tokens: shown once, stored as sha256 (they are long random strings, so no slow hash is needed). */
import { createHash, randomBytes } from 'node:crypto';

const PREFIX = 'sbk_';

export function newApiToken(): { token: string; hash: string; prefix: string } {
  const token = PREFIX + randomBytes(32).toString('base64url');
  return { token, hash: hashApiToken(token), prefix: token.slice(0, 10) };
}

export function hashApiToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export function looksLikeApiToken(value: string): boolean {
  return value.startsWith(PREFIX) && value.length > 20 && value.length < 200;
}
