/**
 * Delivery receipts, applied monotonically: a message only moves forward along
 * queued < sending < sent < delivered < read (the enum's own order in Postgres), and `failed`
 * only replaces a status that has not been delivered yet. Late or repeated receipts change nothing.
 */
import type { StatusEvent } from '@/lib/channels/types';
import { Prisma } from '@/lib/db';
import type { PendingEvent } from '@/lib/realtime/events';

type Tx = Prisma.TransactionClient;

const timeColumn = { sent: 'sentAt', delivered: 'deliveredAt', read: 'readAt', failed: null } as const;

export async function applyStatus(tx: Tx, inbox: { id: string }, e: StatusEvent, pending: PendingEvent[]): Promise<void> {
  const guard = e.status === 'failed'
    ? Prisma.sql`"status" IN ('queued', 'sending', 'sent')`
    : Prisma.sql`"status" < ${e.status}::"MessageStatus"`;
  const col = timeColumn[e.status];
  const setTime = col ? Prisma.sql`, ${Prisma.raw(`"${col}"`)} = COALESCE(${Prisma.raw(`"${col}"`)}, ${e.timestamp})` : Prisma.empty;
  const setError = e.error ? Prisma.sql`, "errorCode" = ${e.error.code}, "errorText" = ${e.error.reason}` : Prisma.empty;
  let target: Prisma.Sql;
  if (e.messageExternalIds?.length) {
    target = Prisma.sql`"inboxId" = ${inbox.id}::uuid AND "externalId" IN (${Prisma.join(e.messageExternalIds)})`;
  } else if (e.watermark) {
    // Watermark receipts cover every reply sent to this customer up to that instant.
    target = Prisma.sql`"direction" = 'outbound' AND "sentAt" <= ${e.watermark} AND "conversationId" IN (
      SELECT c."id" FROM "Conversation" c JOIN "ContactIdentity" i ON i."id" = c."identityId"
      WHERE i."inboxId" = ${inbox.id}::uuid AND i."externalId" = ${e.contactExternalId})`;
  } else return;
  const rows = await tx.$queryRaw<{ id: string; conversationId: string }[]>`
    UPDATE "Message" SET "status" = ${e.status}::"MessageStatus", "updatedAt" = now() ${setTime} ${setError}
    WHERE ${target} AND ${guard} RETURNING "id", "conversationId"`;
  for (const r of rows) {
    pending.push({ name: 'message.updated', payload: { messageId: r.id, conversationId: r.conversationId, inboxId: inbox.id, status: e.status, error: e.error ? { code: e.error.code, message: e.error.reason } : null } });
  }
}
