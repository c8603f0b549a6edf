import { runtimeEnv } from '@/lib/env';
import { deriveKey } from '@/lib/crypto/keys';

/** The next-auth JWT secret, derived from APP_SECRET so one secret configures everything. */
export function sessionSecret(): string {
  return deriveKey(runtimeEnv().APP_SECRET, 'session-signing').toString('hex');
}
