/**
 * The hot path of ingest — a customer's message — in plain SQL on one pg transaction: one round
 * trip each for the lock, the lookup (duplicate? identity? latest conversation?), and the write.
 * Measured: ~25 ms of Prisma queries per message became ~2 ms, which is what lets one worker keep
 * up with 100+ webhooks/s on 2 cores. Semantics are those of lib/domain/thread.ts: the customer's
 * latest conversation is reused, reopened when resolved or snoozed, created when there is none.
 */
import type pg from 'pg';
import type { InboundMessageEvent } from '@/lib/channels/types';
import type { PendingEvent } from '@/lib/realtime/events';
import { uuidv7 } from '@/lib/uuid';
import { previewOf } from './views';

const LOOKUP = `SELECT
  EXISTS (SELECT 1 FROM "Message" WHERE "inboxId" = $1 AND "externalId" = $3) AS "duplicate",
  i."id" AS "identityId", i."contactId", i."unreachable", i."profile" IS NOT NULL AS "profileFetched", c."name",
  v."id" AS "conversationId", v."status", v."lastInboundAt"
FROM (SELECT 1) AS one
LEFT JOIN "ContactIdentity" i ON i."inboxId" = $1 AND i."externalId" = $2
LEFT JOIN "Contact" c ON c."id" = i."contactId"
LEFT JOIN LATERAL (SELECT "id", "status", "lastInboundAt" FROM "Conversation" WHERE "identityId" = i."id" ORDER BY "createdAt" DESC LIMIT 1) v ON true`;

interface Lookup {
  duplicate: boolean; identityId: string | null; contactId: string | null; unreachable: boolean | null; profileFetched: boolean | null;
  name: string | null; conversationId: string | null; status: string | null; lastInboundAt: Date | null;
}

/** Returns whether the customer still needs a name looked up (null when the message was a duplicate). */
export async function receiveMessageSql(client: pg.PoolClient, inboxId: string, e: InboundMessageEvent, pending: PendingEvent[]): Promise<{ needsName: boolean } | null> {
  const lookup = async () => (await client.query<Lookup>(LOOKUP, [inboxId, e.contact.externalId, e.externalId])).rows[0];
  // Common case first, without a lock: a known customer writing into an open conversation. The
  // message's unique (inbox, externalId) still stops a concurrent duplicate (ON CONFLICT below).
  let found = await lookup();
  if (found.duplicate) return null;
  if (!found.conversationId || found.status === 'resolved' || found.status === 'snoozed') {
    // Creating or reopening: serialise this customer's events across worker processes.
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`${inboxId}:${e.contact.externalId}`]);
    found = await lookup();
    if (found.duplicate) return null;
  }
  const now = new Date();
  let { identityId, contactId, conversationId, status } = found;
  if (!identityId || !contactId) {
    contactId = uuidv7();
    identityId = uuidv7();
    await client.query(
      `WITH c AS (INSERT INTO "Contact" ("id", "name", "createdAt", "updatedAt") VALUES ($1, $2, $4, $4))
       INSERT INTO "ContactIdentity" ("id", "inboxId", "contactId", "externalId", "createdAt") VALUES ($3, $5, $1, $6, $4)`,
      [contactId, e.contact.name ?? null, identityId, now, inboxId, e.contact.externalId],
    );
  } else if (found.unreachable) {
    await client.query('UPDATE "ContactIdentity" SET "unreachable" = false WHERE "id" = $1', [identityId]);
  }
  if (!conversationId) {
    conversationId = uuidv7();
    status = 'open';
    await client.query(
      `WITH v AS (INSERT INTO "Conversation" ("id", "inboxId", "contactId", "identityId", "status", "lastActivityAt", "createdAt", "updatedAt") VALUES ($1, $2, $3, $4, 'open', $5, $6, $6))
       INSERT INTO "ConversationEvent" ("id", "conversationId", "type", "data", "createdAt") VALUES ($7, $1, 'created', '{"status":"open"}', $6)`,
      [conversationId, inboxId, contactId, identityId, e.timestamp, now, uuidv7()],
    );
    pending.push({ name: 'conversation.created', payload: { conversationId, inboxId, status: 'open' } });
  } else if (status === 'resolved' || status === 'snoozed') {
    await client.query(
      `INSERT INTO "ConversationEvent" ("id", "conversationId", "type", "data", "createdAt") VALUES ($1, $2, 'status_changed', $3, $4)`,
      [uuidv7(), conversationId, JSON.stringify({ from: status, to: 'open', reason: 'customer_wrote' }), now],
    );
    status = 'open';
  }
  const messageId = uuidv7();
  const { rows: [conversation] } = await client.query<{ status: string; assigneeId: string | null }>(
    `WITH m AS (
       INSERT INTO "Message" ("id", "conversationId", "inboxId", "direction", "kind", "text", "attachments", "location", "externalId", "replyToExternalId", "status", "timestamp", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, 'inbound', $4, $5, $6, $7, $8, $9, 'received', $10, $11, $11)
       ON CONFLICT ("inboxId", "externalId") DO NOTHING RETURNING "id")
     UPDATE "Conversation" SET
       "status" = $12::"ConversationStatus",
       "resolvedAt" = CASE WHEN $12 = 'open' AND "status" <> 'open' THEN NULL ELSE "resolvedAt" END,
       "snoozedUntil" = CASE WHEN $12 = 'open' THEN NULL ELSE "snoozedUntil" END,
       -- Out-of-order deliveries never move the window or the preview backwards.
       "lastMessagePreview" = CASE WHEN "lastInboundAt" IS NULL OR "lastInboundAt" < $10 THEN $13 ELSE "lastMessagePreview" END,
       "lastMessageDirection" = CASE WHEN "lastInboundAt" IS NULL OR "lastInboundAt" < $10 THEN 'inbound'::"MessageDirection" ELSE "lastMessageDirection" END,
       "lastInboundAt" = GREATEST("lastInboundAt", $10),
       "lastActivityAt" = GREATEST("lastActivityAt", $10),
       -- Per-conversation data only inbound provides (Bot Framework serviceUrl...): latest wins.
       "reference" = COALESCE($14::jsonb, "reference"),
       "updatedAt" = $11
     WHERE "id" = $2 AND EXISTS (SELECT 1 FROM m) RETURNING "status", "assigneeId"`,
    [
      messageId, conversationId, inboxId, e.text || e.postback || e.location ? 'text' : 'attachment', e.text ?? null,
      JSON.stringify(e.attachments), e.location ? JSON.stringify(e.location) : null, e.externalId, e.replyToExternalId ?? null,
      e.timestamp, now, status, previewOf(e), e.reference ? JSON.stringify(e.reference) : null,
    ],
  );
  if (!conversation) return null; // a concurrent delivery of the same message won the race
  pending.push({ name: 'message.created', payload: { messageId, conversationId, inboxId, direction: 'inbound', status: 'received' } });
  pending.push({ name: 'conversation.updated', payload: { conversationId, inboxId, status: conversation.status, assigneeId: conversation.assigneeId } });
  return { needsName: !e.contact.name && !found.name && !found.profileFetched };
}
