/**
 * Turns stored inbound events into contacts, conversations and messages. Idempotent: a message
 * whose (inbox, externalId) exists is skipped, receipts only move statuses forward, so retries
 * and duplicate deliveries are harmless. Realtime events are published after each commit.
 */
import type { EchoEvent, InboundMessageEvent, NormalizedEvent, ReactionEvent, WebhookRequest } from '@/lib/channels/types';
import { db, type Prisma } from '@/lib/db';
import { logger } from '@/lib/logger';
import { publishAll } from '@/lib/realtime/publish';
import type { PendingEvent } from '@/lib/realtime/events';
import { connectorFor, inboxConfig, webhookUrl } from './inboxes';
import { applyStatus } from './receipts';
import { conversationFor, findOrCreateIdentity, lockCustomer } from './thread';
import { fillContactName } from './profiles';
import { previewOf } from './views';

type Tx = Prisma.TransactionClient;
type Inbox = { id: string; channel: string };

export async function processInboundEvent(eventId: string): Promise<{ events: number } | null> {
  const stored = await db().inboundEvent.findUnique({ where: { id: eventId }, include: { inbox: true } });
  if (!stored || stored.processedAt) return null;
  const connector = connectorFor(stored.inbox.channel);
  const config = connector.configSchema.parse(inboxConfig(stored.inbox));
  const req: WebhookRequest = {
    method: 'POST',
    url: new URL(webhookUrl(stored.inbox)),
    headers: new Headers(stored.headers as Record<string, string>),
    rawBody: Buffer.from(stored.rawBody),
  };
  const events = connector.parse(req, config);
  for (const event of events) {
    const pending: PendingEvent[] = [];
    await db().$transaction((tx) => applyEvent(tx, stored.inbox, event, pending), { timeout: 15_000 });
    publishAll(pending);
    if (event.type === 'message' && !event.contact.name) await fillContactName(stored.inbox, event.contact.externalId, (c) => connector.fetchProfile?.(config, c, fetch));
  }
  await db().inboundEvent.update({ where: { id: eventId }, data: { processedAt: new Date(), error: null } });
  return { events: events.length };
}

async function applyEvent(tx: Tx, inbox: Inbox, event: NormalizedEvent, pending: PendingEvent[]): Promise<void> {
  switch (event.type) {
    case 'message': return receiveMessage(tx, inbox, event, pending);
    case 'echo': return receiveEcho(tx, inbox, event, pending);
    case 'status': return applyStatus(tx, inbox, event, pending);
    case 'reaction': return receiveReaction(tx, inbox, event, pending);
    case 'unsupported': logger.info({ inboxId: inbox.id, description: event.description }, 'unsupported event stored, not modelled');
  }
}

async function messageExists(tx: Tx, inboxId: string, externalId: string): Promise<boolean> {
  return (await tx.message.count({ where: { inboxId, externalId } })) > 0;
}

async function receiveMessage(tx: Tx, inbox: Inbox, e: InboundMessageEvent, pending: PendingEvent[]) {
  await lockCustomer(tx, inbox.id, e.contact.externalId);
  if (await messageExists(tx, inbox.id, e.externalId)) return;
  const identity = await findOrCreateIdentity(tx, inbox.id, e.contact.externalId, e.contact.name);
  if (identity.unreachable) await tx.contactIdentity.update({ where: { id: identity.id }, data: { unreachable: false } });
  const conversation = await conversationFor(tx, identity, pending, { reopen: true, at: e.timestamp });
  const message = await tx.message.create({
    data: {
      conversationId: conversation.id, inboxId: inbox.id, direction: 'inbound', status: 'received',
      kind: e.text || e.postback || e.location ? 'text' : 'attachment',
      text: e.text ?? null, attachments: e.attachments as unknown as Prisma.InputJsonArray,
      location: (e.location as unknown as Prisma.InputJsonObject) ?? undefined,
      externalId: e.externalId, replyToExternalId: e.replyToExternalId ?? null, timestamp: e.timestamp,
    },
  });
  // Out-of-order deliveries must not move the window or the preview backwards.
  const newer = !conversation.lastInboundAt || conversation.lastInboundAt < e.timestamp;
  const updated = await tx.conversation.update({
    where: { id: conversation.id },
    data: {
      ...(newer && { lastInboundAt: e.timestamp, lastMessagePreview: previewOf(e), lastMessageDirection: 'inbound' }),
      lastActivityAt: conversation.lastActivityAt > e.timestamp ? conversation.lastActivityAt : e.timestamp,
    },
  });
  pending.push({ name: 'message.created', payload: { messageId: message.id, conversationId: conversation.id, inboxId: inbox.id, direction: 'inbound', status: 'received' } });
  pending.push({ name: 'conversation.updated', payload: { conversationId: updated.id, inboxId: inbox.id, status: updated.status, assigneeId: updated.assigneeId } });
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
