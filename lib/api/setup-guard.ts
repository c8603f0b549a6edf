/**
 * What POST /api/setup checks before anything else, because anyone on the Internet can call it:
 * a per-address rate limit (no database needed), then 409 once a user exists (one cheap read, no
 * lock), and a small body cap for what is left. Only a genuine first run reaches the locked work.
 */
import { clientAddress } from '@/lib/auth/client-address';
import { rateLimiter } from './rate-limit';
import { DomainError } from '@/lib/domain/errors';
import { alreadySetUp, anyUserExists } from '@/lib/domain/users';

export const SETUP_MAX_BYTES = 16 * 1024;
export const SETUP_ATTEMPTS = 10;
export const SETUP_WINDOW_MS = 15 * 60_000;

const limiter = rateLimiter({ limit: SETUP_ATTEMPTS, windowMs: SETUP_WINDOW_MS });

export async function guardSetupRequest(req: Request): Promise<void> {
  const verdict = limiter.hit(clientAddress(req.headers));
  if (!verdict.ok) {
    throw new DomainError('rate_limited', `Too many setup attempts from your address; try again in ${verdict.retryAfterSeconds} s`, 429, undefined, { 'retry-after': String(verdict.retryAfterSeconds) });
  }
  if (await anyUserExists()) throw alreadySetUp();
}
