/**
 * Admin edits a user: name, role, disabled, or a new password. Disabling or setting a password
 * ends that user's sessions and API tokens at once (lib/domain/revoke-access.ts).
 */
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Actor } from './actor';
import { requireRole } from './access';
import { DomainError, invalid, notFound } from './errors';
import { isUuid } from './ids';
import { hashNewPassword } from './password-work';
import { disconnectRevokedUser, revokeAccessInTx } from './revoke-access';

export const updateUserInput = z
  .object({
    name: z.string().trim().min(1, 'Name is required').max(120).optional(),
    role: z.enum(['admin', 'manager', 'agent'], { error: 'Role must be admin, manager or agent' }).optional(),
    disabled: z.boolean({ error: 'disabled must be true or false' }).optional(),
    password: z.string().min(10, 'Password must be at least 10 characters').max(1024).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, 'Send at least one of name, role, disabled, password');

export const adminUserView = (u: { id: string; email: string; name: string; role: Actor['role']; disabledAt: Date | null }) => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabledAt !== null,
});

function parse(input: unknown) {
  const parsed = updateUserInput.safeParse(input);
  if (!parsed.success) {
    throw invalid(parsed.error.issues.map((i) => i.message).join('; '), { fields: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'body', i.message])) });
  }
  return parsed.data;
}

export async function updateUser(actor: Actor, id: string, input: unknown) {
  requireRole(actor, 'admin');
  const change = parse(input);
  if (!isUuid(id)) throw notFound('User');
  // An admin cannot lock themselves out; another admin can.
  if (id === actor.id && (change.disabled === true || (change.role && change.role !== 'admin'))) {
    throw new DomainError('cannot_change_self', 'You cannot disable yourself or give up your own admin role; ask another admin', 409);
  }
  const passwordHash = change.password === undefined ? undefined : await hashNewPassword(change.password);
  const before = await db().user.findUnique({ where: { id } });
  if (!before) throw notFound('User');
  const disabling = change.disabled === true && !before.disabledAt;
  const revoke = disabling || passwordHash !== undefined;
  const now = new Date();

  const after = await db().$transaction(async (tx) => {
    const data = {
      ...(change.name !== undefined && { name: change.name }),
      ...(change.role !== undefined && { role: change.role }),
      ...(change.disabled !== undefined && { disabledAt: change.disabled ? (before.disabledAt ?? now) : null }),
      ...(passwordHash !== undefined && { passwordHash }),
    };
    await tx.user.update({ where: { id }, data });
    const revoked = revoke ? await revokeAccessInTx(tx, id, now) : { tokensRevoked: 0 };
    await tx.auditLog.create({
      data: {
        actorId: actor.id,
        action: 'user.updated',
        targetType: 'user',
        targetId: id,
        data: { fields: Object.keys(change), ...(change.role && { role: change.role }), ...(change.disabled !== undefined && { disabled: change.disabled }), sessionsEnded: revoke, tokensRevoked: revoked.tokensRevoked },
      },
    });
    return tx.user.findUniqueOrThrow({ where: { id } });
  });
  if (revoke) disconnectRevokedUser(id);
  return adminUserView(after);
}
