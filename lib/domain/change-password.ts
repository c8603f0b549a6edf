/**
 * A signed-in user changes their own password: the current one must match. Every session
 * (this one included) and every API token of the user ends at once; they sign in again.
 */
import { z } from 'zod';
import { UNKNOWN_ADDRESS } from '@/lib/auth/client-address';
import { lockedUntil, recordFailure } from '@/lib/auth/sign-in-throttle';
import { db } from '@/lib/db';
import type { Actor } from './actor';
import { DomainError, invalid, notFound } from './errors';
import { checkPassword, hashNewPassword } from './password-work';
import { disconnectRevokedUser, revokeAccessInTx } from './revoke-access';

export const changePasswordInput = z
  .object({
    currentPassword: z.string({ error: 'currentPassword is required' }).min(1, 'currentPassword is required').max(1024),
    newPassword: z.string({ error: 'newPassword is required' }).min(10, 'New password must be at least 10 characters').max(1024),
  })
  .strict();

/** Wrong current passwords count against the same sign-in throttle (a stolen session cannot guess the password). */
export async function changeOwnPassword(actor: Actor, input: unknown, address = UNKNOWN_ADDRESS, now = new Date()) {
  const parsed = changePasswordInput.safeParse(input);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => i.message).join('; '), { fields: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'body', i.message])) });
  }
  const user = await db().user.findUnique({ where: { id: actor.id } });
  if (!user) throw notFound('User');
  const locked = await lockedUntil(user.email, address, now);
  if (locked) {
    const minutes = Math.max(1, Math.ceil((locked.getTime() - now.getTime()) / 60_000));
    throw new DomainError('too_many_attempts', `Too many failed attempts. Try again in ${minutes} minutes.`, 429);
  }
  if (!(await checkPassword(parsed.data.currentPassword, user.passwordHash))) {
    await recordFailure(user.email, address, now);
    await db().auditLog.create({ data: { actorId: actor.id, action: 'user.password_change_refused', targetType: 'user', targetId: actor.id, data: { address } } });
    throw new DomainError('wrong_password', 'The current password is not correct', 403);
  }
  const passwordHash = await hashNewPassword(parsed.data.newPassword);
  const revoked = await db().$transaction(async (tx) => {
    // Only if unchanged since we checked it: two racing changes cannot both win.
    const updated = await tx.user.updateMany({ where: { id: actor.id, passwordHash: user.passwordHash }, data: { passwordHash } });
    if (updated.count === 0) throw new DomainError('conflict', 'The password was changed meanwhile; sign in again', 409);
    const result = await revokeAccessInTx(tx, actor.id);
    await tx.auditLog.create({ data: { actorId: actor.id, action: 'user.password_changed', targetType: 'user', targetId: actor.id, data: { tokensRevoked: result.tokensRevoked } } });
    return result;
  });
  disconnectRevokedUser(actor.id);
  return { changed: true, signedOut: true, tokensRevoked: revoked.tokensRevoked };
}
