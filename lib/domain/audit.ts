import type { Prisma } from '@/lib/db';
import { db } from '@/lib/db';

/** Records who changed what (inboxes, users, tokens). */
export async function audit(actorId: string | null, action: string, targetType: string, targetId: string | null, data: Prisma.InputJsonObject = {}): Promise<void> {
  await db().auditLog.create({ data: { actorId, action, targetType, targetId, data } });
}
