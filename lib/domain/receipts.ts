/**
 * Delivery receipts, applied monotonically (receipt-sql.ts: never backwards; late or repeated
 * receipts change nothing), and only to our replies in the conversations of the customer the
 * receipt names: a receipt carrying another customer's message id, or an inbound message's id,
 * changes nothing. Every connector's StatusEvent names its customer (WhatsApp recipient_id,
 * Messenger sender, WeChat FromUserName, Bot Framework conversation id); one that does not is
 * scoped to its inbox only.
 *
 * A receipt for a provider id no message has yet is kept (pending-receipts.ts): the provider's
 * webhook can overtake the response of the send that produced the id.
 */
import type { StatusEvent } from '@/lib/channels/types';
import { Prisma } from '@/lib/db';
import { logger } from '@/lib/logger';
import type { PendingEvent } from '@/lib/realtime/events';
import { keepPendingReceipts } from './pending-receipts';
import { forwardOnly, lockProviderId, ofCustomer, receiptSet, type Tx } from './receipt-sql';

export async function applyStatus(tx: Tx, inbox: { id: string }, e: StatusEvent, pending: PendingEvent[]): Promise<void> {
  let rows: { id: string; conversationId: string }[];
  if (e.messageExternalIds?.length) rows = await applyToNamedMessages(tx, inbox.id, e);
  else if (e.watermark && e.contactExternalId) {
    // Watermark receipts cover every reply sent to this customer up to that instant.
    rows = await tx.$queryRaw`
      UPDATE "Message" SET ${receiptSet(e)}
      WHERE "inboxId" = ${inbox.id}::uuid AND "direction" = 'outbound' AND "sentAt" <= ${e.watermark}
        AND ${ofCustomer(inbox.id, e.contactExternalId)} AND ${forwardOnly(e.status)}
      RETURNING "id", "conversationId"`;
  } else return;
  for (const r of rows) {
    pending.push({ name: 'message.updated', payload: { messageId: r.id, conversationId: r.conversationId, inboxId: inbox.id, status: e.status, error: e.error ? { code: e.error.code, message: e.error.reason } : null } });
  }
}

async function applyToNamedMessages(tx: Tx, inboxId: string, e: StatusEvent): Promise<{ id: string; conversationId: string }[]> {
  const ids = [...new Set(e.messageExternalIds)].sort(); // sorted: two receipts lock in the same order
  for (const id of ids) await lockProviderId(tx, inboxId, id);
  const scope = e.contactExternalId ? ofCustomer(inboxId, e.contactExternalId) : Prisma.sql`TRUE`;
  const rows = await tx.$queryRaw<{ id: string; conversationId: string }[]>`
    UPDATE "Message" SET ${receiptSet(e)}
    WHERE "inboxId" = ${inboxId}::uuid AND "externalId" IN (${Prisma.join(ids)}) AND "direction" = 'outbound'
      AND ${scope} AND ${forwardOnly(e.status)}
    RETURNING "id", "conversationId"`;
  if (rows.length === ids.length) return rows;

  // Some ids changed nothing: already further along (fine), not ours to touch, or not recorded yet.
  const known = await tx.$queryRaw<{ externalId: string; direction: string; mine: boolean }[]>`
    SELECT "externalId", "direction"::text AS "direction", ${scope} AS "mine" FROM "Message"
    WHERE "inboxId" = ${inboxId}::uuid AND "externalId" IN (${Prisma.join(ids)})`;
  // (Naming an inbound message is ordinary: a Teams read receipt names the last message read.)
  const foreign = known.filter((m) => m.direction === 'outbound' && !m.mine).map((m) => m.externalId);
  if (foreign.length) logger.warn({ inboxId, externalIds: foreign, contactExternalId: e.contactExternalId, status: e.status }, 'receipt names another customer’s replies: ignored');
  const unknown = ids.filter((id) => !known.some((m) => m.externalId === id));
  if (unknown.length) await keepPendingReceipts(tx, inboxId, unknown, e);
  return rows;
}
