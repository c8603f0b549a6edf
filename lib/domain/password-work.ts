/** Password hashing for use cases: a saturated hasher becomes a 503 the caller can retry. */
import { hashPassword, PasswordHasherBusy, verifyPassword } from '@/lib/crypto/password';
import { DomainError } from './errors';

export const hasherBusy = () => new DomainError('busy', 'The server is busy checking passwords. Try again in a few seconds.', 503, { retryAfter: 5 }, { 'retry-after': '5' });

async function orBusy<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    if (err instanceof PasswordHasherBusy) throw hasherBusy();
    throw err;
  }
}

export const hashNewPassword = (password: string) => orBusy(hashPassword(password));
export const checkPassword = (password: string, stored: string) => orBusy(verifyPassword(password, stored));
