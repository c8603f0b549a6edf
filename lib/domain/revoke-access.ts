/**
 * Ends everything a user is signed in with: raising User.sessionVersion invalidates every session
 * cookie signed before (checked on each request, lib/auth/session-check.ts), and their API tokens
 * are revoked. Runs inside the caller's transaction; disconnect live sockets after it commits.
 */
import type { Prisma } from '@/lib/db';
import { disconnectUser } from '@/lib/realtime/publish';

type Tx = Prisma.TransactionClient;

export async function revokeAccessInTx(tx: Tx, userId: string, now = new Date()): Promise<{ tokensRevoked: number }> {
  await tx.user.update({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
  const tokens = await tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } });
  return { tokensRevoked: tokens.count };
}

/** After commit: sockets opened with the old session or tokens close now rather than at their next check. */
export function disconnectRevokedUser(userId: string): void {
  disconnectUser(userId);
}
