/**
 * Password sign-in with throttling: a locked (email, address) pair or address is refused before
 * any hashing; every failure is counted, logged and audited; reaching a limit locks and says so.
 */
import { PasswordHasherBusy } from '@/lib/crypto/password';
import { audit } from '@/lib/domain/audit';
import { authenticate } from '@/lib/domain/users';
import { logger } from '@/lib/logger';
import { clearPair, lockedUntil, recordFailure } from './sign-in-throttle';

export type SignInRefusal = { reason: 'locked'; minutes: number } | { reason: 'busy' } | { reason: 'invalid' };

export class SignInRefused extends Error {
  constructor(readonly refusal: SignInRefusal) {
    super(refusal.reason);
    this.name = 'SignInRefused';
  }
}

const minutesUntil = (until: Date, now: Date) => Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 60_000));

export async function signInWithPassword(input: { email: string; password: string; address: string }, now: () => Date = () => new Date()) {
  const email = input.email.trim().toLowerCase();
  const { address } = input;
  const locked = await lockedUntil(email, address, now());
  if (locked) {
    logger.warn({ email, address, lockedUntil: locked }, 'sign-in refused: locked after too many failures');
    throw new SignInRefused({ reason: 'locked', minutes: minutesUntil(locked, now()) });
  }
  let user;
  try {
    user = await authenticate(email, input.password);
  } catch (err) {
    if (err instanceof PasswordHasherBusy) throw new SignInRefused({ reason: 'busy' });
    throw err;
  }
  if (user) {
    await clearPair(email, address);
    return user;
  }
  const failure = await recordFailure(email, address, now());
  logger.warn({ email, address, pairFailures: failure.pairFailures, addressFailures: failure.addressFailures }, 'sign-in failed');
  await audit(null, 'signin.failed', 'sign_in', email, { email, address, failures: failure.pairFailures });
  if (failure.lockedNow && failure.lockedUntil) {
    logger.warn({ email, address, lockedUntil: failure.lockedUntil }, 'sign-in locked after too many failures');
    await audit(null, 'signin.locked', 'sign_in', email, { email, address, lockedUntil: failure.lockedUntil.toISOString() });
    throw new SignInRefused({ reason: 'locked', minutes: minutesUntil(failure.lockedUntil, now()) });
  }
  throw new SignInRefused({ reason: 'invalid' });
}

/** What the login page shows for each refusal code (next-auth carries the code in `?error=`). */
export const SIGN_IN_ERROR = {
  locked: (minutes: number) => `locked:${minutes}`,
  busy: 'busy',
} as const;
