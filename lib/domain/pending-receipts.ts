/**
 * Receipts that overtook their send. The provider's status webhook can be processed before the
 * send's response has recorded the provider id on our Message; such a receipt is kept here and
 * applied (monotonically, same rules as live ones) when the send records that id.
 *
 * Both sides hold the same transaction lock on (inbox, provider id) (receipt-sql.ts): if the
 * receipt's UPDATE ran before the id was recorded, its pending row is committed before the send's
 * applyPendingReceipts can read; otherwise the receipt's UPDATE sees the recorded id. Unclaimed
 * rows (a forged id, a send that never completed) expire after a week and are pruned in batches.
 */
import type { StatusEvent } from '@/lib/channels/types';
import { db, type PrismaClient } from '@/lib/db';
import { logger } from '@/lib/logger';
import { publishAll, publishInTransaction } from '@/lib/realtime/publish';
import type { PendingEvent } from '@/lib/realtime/events';
import { uuidv7 } from '@/lib/uuid';
import { forwardOnly, lockProviderId, receiptSet, type ReceiptChange, type Tx } from './receipt-sql';

export const PENDING_RECEIPT_TTL_DAYS = 7;
const PRUNE_EVERY_MS = 60_000;
const PRUNE_BATCH = 500;
let lastPruneAt = 0;

/** Called by receipts.ts (inside its transaction, holding the ids' locks) for ids no message has yet. */
export async function keepPendingReceipts(tx: Tx, inboxId: string, externalIds: string[], e: StatusEvent): Promise<void> {
  for (const externalId of externalIds) {
    await tx.$executeRaw`
      INSERT INTO "PendingReceipt" ("id", "inboxId", "externalId", "status", "timestamp", "errorCode", "errorText", "contactExternalId", "expiresAt")
      VALUES (${uuidv7()}::uuid, ${inboxId}::uuid, ${externalId}, ${e.status}::"MessageStatus", ${e.timestamp}, ${e.error?.code ?? null},
        ${e.error?.reason ?? null}, ${e.contactExternalId || null}, now() + make_interval(days => ${PENDING_RECEIPT_TTL_DAYS}))
      ON CONFLICT ("inboxId", "externalId", "status") DO NOTHING`;
  }
  // debug: statuses of messages sent by other apps on the same account land here too.
  logger.debug({ inboxId, externalIds, status: e.status }, 'receipt for a provider id no message has (yet): kept until a send records it');
  pruneSometimes();
}

type Row = { status: ReceiptChange['status']; timestamp: Date; errorCode: string | null; errorText: string | null; contactExternalId: string | null };
const RANK: Record<ReceiptChange['status'], number> = { sent: 0, delivered: 1, read: 2, failed: 3 };

/**
 * Applies (and removes) the receipts kept for the provider id a send just recorded on `messageId`.
 * Pass the client the send was recorded with: a transaction (then events go out on its commit and
 * errors are the caller's), or the Prisma client (then this runs its own transaction, publishes
 * after it, and never throws: the send is recorded whatever happens here; kept rows stay for a retry
 * by nothing but expiry, so a failure is logged).
 */
export async function applyPendingReceipts(client: PrismaClient | Tx, target: { inboxId: string; externalId: string; messageId: string }): Promise<void> {
  // A transaction client has $transaction too (at runtime), but never $connect.
  if ('$connect' in client) {
    try {
      publishAll(await client.$transaction((tx) => claimAndApply(tx, target)));
    } catch (err) {
      logger.warn({ err, ...target }, 'could not apply receipts kept for this send');
    }
    return;
  }
  const events = await claimAndApply(client, target);
  // Inside the caller's transaction: NOTIFY is delivered on its commit (publish.ts's wire format).
  if (events.length) await publishInPrismaTransaction(client, events);
}

async function claimAndApply(tx: Tx, { inboxId, externalId, messageId }: { inboxId: string; externalId: string; messageId: string }): Promise<PendingEvent[]> {
  await lockProviderId(tx, inboxId, externalId);
  const kept = await tx.$queryRaw<Row[]>`
    DELETE FROM "PendingReceipt" WHERE "inboxId" = ${inboxId}::uuid AND "externalId" = ${externalId}
    RETURNING "status"::text AS "status", "timestamp", "errorCode", "errorText", "contactExternalId"`;
  const events: PendingEvent[] = [];
  for (const r of kept.sort((a, b) => RANK[a.status] - RANK[b.status])) {
    const error = r.errorCode !== null ? { code: r.errorCode, reason: r.errorText ?? r.errorCode } : null;
    // Same scope as a live receipt: our reply, to the customer the receipt named.
    const rows = await tx.$queryRaw<{ id: string; conversationId: string }[]>`
      UPDATE "Message" m SET ${receiptSet({ status: r.status, timestamp: r.timestamp, error })}
      WHERE m."id" = ${messageId}::uuid AND m."inboxId" = ${inboxId}::uuid AND m."direction" = 'outbound' AND ${forwardOnly(r.status)}
        AND (${r.contactExternalId}::text IS NULL OR EXISTS (
          SELECT 1 FROM "Conversation" c JOIN "ContactIdentity" i ON i."id" = c."identityId"
          WHERE c."id" = m."conversationId" AND i."externalId" = ${r.contactExternalId}))
      RETURNING m."id", m."conversationId"`;
    for (const row of rows) {
      events.push({ name: 'message.updated', payload: { messageId: row.id, conversationId: row.conversationId, inboxId, status: r.status, error: error ? { code: error.code, message: error.reason } : null } });
    }
  }
  return events;
}

async function publishInPrismaTransaction(tx: Tx, events: PendingEvent[]): Promise<void> {
  await publishInTransaction({ query: (sql, values) => tx.$executeRawUnsafe(sql, ...values) }, events);
}

/** At most once a minute per process, a bounded batch: housekeeping never competes with traffic. */
function pruneSometimes(): void {
  const now = Date.now();
  if (now - lastPruneAt < PRUNE_EVERY_MS) return;
  lastPruneAt = now;
  void prunePendingReceipts().catch((err) => logger.warn({ err }, 'pruning pending receipts failed'));
}

export async function prunePendingReceipts(): Promise<number> {
  return db().$executeRaw`DELETE FROM "PendingReceipt" WHERE "id" IN (
    SELECT "id" FROM "PendingReceipt" WHERE "expiresAt" < now() ORDER BY "expiresAt" LIMIT ${PRUNE_BATCH})`;
}
