/**
 * Turns stored inbound events into contacts, conversations and messages. Idempotent: a message
 * whose (inbox, externalId) exists is skipped, receipts only move statuses forward, so retries
 * and duplicate deliveries are harmless. Realtime events are published after each commit.
 */
import type { EchoEvent, NormalizedEvent, ReactionEvent, WebhookRequest } from '@/lib/channels/types';
import { db, pool, type Prisma } from '@/lib/db';
import { boss, sqlExecutor } from '@/lib/jobs/boss';
import { QUEUES, type ContactProfileJob } from '@/lib/jobs/contracts';
import { logger } from '@/lib/logger';
import { publishAll, publishInTransaction } from '@/lib/realtime/publish';
import type { PendingEvent } from '@/lib/realtime/events';
import { connectorFor, inboxConfig, webhookUrl } from './inboxes';
import { applyStatus } from './receipts';
import { conversationFor, findOrCreateIdentity, lockCustomer } from './thread';
import { applyContactState, applyEdit } from './contact-events';
import { receiveMessageSql } from './inbound-message';
import { connectorDeps } from './shared-cache';
import { withPgTransaction } from './pg-tx';
import { previewOf } from './views';

type Tx = Prisma.TransactionClient;
type Inbox = { id: string; channel: string };

const LOAD = `SELECT e."rawBody", e."headers", e."processedAt", i."id", i."channel", i."webhookKey", i."config", i."secrets"
FROM "InboundEvent" e JOIN "Inbox" i ON i."id" = e."inboxId" WHERE e."id" = $1`;

/** The stored event joined with its inbox. */
type Loaded = { rawBody: Buffer | null; headers: Record<string, string>; processedAt: Date | null; id: string; channel: string; webhookKey: string; config: Prisma.JsonValue; secrets: string };

export async function processInboundEvent(eventId: string): Promise<{ events: number } | null> {
  const { rows: [inbox] } = await pool().query<Loaded>(LOAD, [eventId]);
  if (!inbox || inbox.processedAt) return null;
  if (!inbox.rawBody) throw new Error('The raw body of this event was pruned (RAW_BODY_RETENTION_DAYS): it cannot be processed');
  const connector = connectorFor(inbox.channel);
  const config = connector.configSchema.parse(inboxConfig(inbox));
  const req: WebhookRequest = { method: 'POST', url: new URL(webhookUrl(inbox)), headers: new Headers(inbox.headers), rawBody: inbox.rawBody };
  const events = connector.parse(req, config);
  await applyEvents(inbox, events, eventId);
  if (connector.afterIngest) await connector.afterIngest(events, config, connectorDeps()).catch((err) => logger.warn({ err }, 'afterIngest failed'));
  return { events: events.length };
}

/** Applies one webhook's events; marks the stored event processed with the last commit. */
export async function applyEvents(inbox: Inbox, events: NormalizedEvent[], eventId: string | null): Promise<void> {
  const connector = connectorFor(inbox.channel);
  const messages = events.filter((e) => e.type === 'message');
  const others = events.filter((e) => e.type !== 'message');
  const markProcessed = async (client: { query: (sql: string, values: unknown[]) => Promise<unknown> }) => {
    if (eventId) await client.query('UPDATE "InboundEvent" SET "processedAt" = now(), "error" = NULL WHERE "id" = $1', [eventId]);
  };

  // Customers' messages, the bulk of traffic: one transaction (one commit) for the whole delivery.
  // (A delivery of receipts only skips it.)
  const pending: PendingEvent[] = [];
  if (messages.length > 0 || others.length === 0) await withPgTransaction(async (client) => {
    const lookups: ContactProfileJob[] = [];
    for (const e of messages) {
      const result = await receiveMessageSql(client, inbox.id, e, pending);
      if (result?.needsName && connector.fetchProfile) lookups.push({ inboxId: inbox.id, externalId: e.contact.externalId });
    }
    if (others.length === 0) await markProcessed(client);
    await publishInTransaction(client, pending);
    if (lookups.length) await (await boss()).insert(QUEUES.contactProfile, lookups.map((data) => ({ data })), { db: sqlExecutor(client) });
  });
  for (const other of others) {
    const otherPending: PendingEvent[] = [];
    await db().$transaction((tx) => applyEvent(tx, inbox, other, otherPending), { timeout: 15_000 });
    publishAll(otherPending);
  }
  if (others.length > 0) await markProcessed(pool());
}

async function applyEvent(tx: Tx, inbox: Inbox, event: NormalizedEvent, pending: PendingEvent[]): Promise<void> {
  switch (event.type) {
    case 'message': return; // handled by receiveMessageSql (the hot path)
    case 'echo': return receiveEcho(tx, inbox, event, pending);
    case 'status': return applyStatus(tx, inbox, event, pending);
    case 'reaction': return receiveReaction(tx, inbox, event, pending);
    case 'edit': return applyEdit(tx, inbox, event, pending);
    case 'contact_state': return applyContactState(tx, inbox, event, pending);
    case 'unsupported': logger.info({ inboxId: inbox.id, description: event.description }, 'unsupported event stored, not modelled');
  }
}

async function messageExists(tx: Tx, inboxId: string, externalId: string): Promise<boolean> {
  return (await tx.message.count({ where: { inboxId, externalId } })) > 0;
}

const OUR_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Echoes of our own sends are recognised by metadata (our message id); others were typed in the provider's app. */
async function receiveEcho(tx: Tx, inbox: Inbox, e: EchoEvent, pending: PendingEvent[]) {
  await lockCustomer(tx, inbox.id, e.contactExternalId);
  if (await messageExists(tx, inbox.id, e.externalId)) return;
  if (e.metadata && OUR_ID.test(e.metadata)) {
    // The echo can beat the send's own response: record the provider id now.
    await tx.message.updateMany({ where: { id: e.metadata, inboxId: inbox.id, externalId: null }, data: { externalId: e.externalId } });
    return;
  }
  const identity = await findOrCreateIdentity(tx, inbox.id, e.contactExternalId);
  const conversation = await conversationFor(tx, identity, pending, { reopen: false, at: e.timestamp });
  const message = await tx.message.create({
    data: {
      conversationId: conversation.id, inboxId: inbox.id, direction: 'outbound', status: 'sent',
      kind: e.text ? 'text' : 'attachment', text: e.text ?? null, attachments: e.attachments as unknown as Prisma.InputJsonArray,
      externalId: e.externalId, timestamp: e.timestamp, sentAt: e.timestamp,
    },
  });
  await tx.conversation.update({ where: { id: conversation.id }, data: { lastActivityAt: e.timestamp, lastMessagePreview: previewOf(e), lastMessageDirection: 'outbound', firstResponseAt: conversation.firstResponseAt ?? e.timestamp } });
  pending.push({ name: 'message.created', payload: { messageId: message.id, conversationId: conversation.id, inboxId: inbox.id, direction: 'outbound', status: 'sent' } });
}

/** Reactions are shown in the thread as a small system line. */
async function receiveReaction(tx: Tx, inbox: Inbox, e: ReactionEvent, pending: PendingEvent[]) {
  await lockCustomer(tx, inbox.id, e.contactExternalId);
  if (await messageExists(tx, inbox.id, e.dedupeKey)) return;
  const identity = await findOrCreateIdentity(tx, inbox.id, e.contactExternalId);
  const conversation = await conversationFor(tx, identity, pending, { reopen: false, at: e.timestamp });
  const message = await tx.message.create({
    data: {
      conversationId: conversation.id, inboxId: inbox.id, direction: 'inbound', status: 'received', kind: 'system',
      text: e.emoji ? `Reacted ${e.emoji} to a message` : 'Removed a reaction', externalId: e.dedupeKey,
      replyToExternalId: e.messageExternalId, timestamp: e.timestamp,
    },
  });
  pending.push({ name: 'message.created', payload: { messageId: message.id, conversationId: conversation.id, inboxId: inbox.id, direction: 'inbound', status: 'received' } });
}
