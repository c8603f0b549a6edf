/**
 * SQL pieces shared by live receipts (receipts.ts) and receipts kept until their send is recorded
 * (pending-receipts.ts): the monotonic status change, and the lock that makes the two meet.
 */
import type { DeliveryStatus } from '@/lib/channels/types';
import { Prisma } from '@/lib/db';

export type Tx = Prisma.TransactionClient;
export type ReceiptChange = { status: DeliveryStatus; timestamp: Date; error?: { code: string; reason: string } | null };

const timeColumn = { sent: 'sentAt', delivered: 'deliveredAt', read: 'readAt', failed: null } as const;

/**
 * Forward only: queued < sending < sent < delivered < read (the enum's own order in Postgres), and
 * `failed` only replaces a status that has not been delivered yet.
 */
export function forwardOnly(status: DeliveryStatus): Prisma.Sql {
  return status === 'failed'
    ? Prisma.sql`"status" IN ('queued', 'sending', 'sent')`
    : Prisma.sql`"status" >= 'queued' AND "status" < ${status}::"MessageStatus"`;
}

/** The SET list of a receipt: status, its time column (first report wins), the provider's error. */
export function receiptSet(r: ReceiptChange): Prisma.Sql {
  const col = timeColumn[r.status];
  const setTime = col ? Prisma.sql`, ${Prisma.raw(`"${col}"`)} = COALESCE(${Prisma.raw(`"${col}"`)}, ${r.timestamp})` : Prisma.empty;
  const setError = r.error ? Prisma.sql`, "errorCode" = ${r.error.code}, "errorText" = ${r.error.reason}` : Prisma.empty;
  return Prisma.sql`"status" = ${r.status}::"MessageStatus", "updatedAt" = now() ${setTime} ${setError}`;
}

/** Messages of this customer's conversations in this inbox (a receipt names the customer it went to). */
export function ofCustomer(inboxId: string, contactExternalId: string): Prisma.Sql {
  return Prisma.sql`"conversationId" IN (
    SELECT c."id" FROM "Conversation" c JOIN "ContactIdentity" i ON i."id" = c."identityId"
    WHERE i."inboxId" = ${inboxId}::uuid AND i."externalId" = ${contactExternalId})`;
}

/**
 * Held (until commit) by a receipt naming this provider id and by the send recording it, so that
 * either the receipt's UPDATE sees the recorded id, or the send sees the receipt kept as pending.
 */
export async function lockProviderId(tx: Tx, inboxId: string, externalId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`receipt:${inboxId}:${externalId}`}, 0))`;
}
