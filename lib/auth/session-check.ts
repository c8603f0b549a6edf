/**
 * Is a decoded session token still good? Its user must exist, be enabled, and have the same
 * sessionVersion as when the token was signed (a password change or a disable raises it).
 */
import { db } from '@/lib/db';
import { userView } from '@/lib/domain/users';

export const SessionRevoked = new Error('session revoked');

export async function currentSessionUser(token: { sub?: string; sv?: unknown }) {
  if (!token.sub) return null;
  const user = await db().user.findUnique({ where: { id: token.sub } });
  // Tokens signed before sessionVersion existed carry none: they match version 0.
  const version = typeof token.sv === 'number' ? token.sv : 0;
  if (!user || user.disabledAt || user.sessionVersion !== version) return null;
  return userView(user);
}
