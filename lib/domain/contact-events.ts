/**
 * Events about a customer rather than a new message: an edit of something they sent, and their
 * relation to the channel (blocked or unblocked the bot, followed or unfollowed the account).
 */
import type { ContactStateEvent, EditEvent } from '@/lib/channels/types';
import type { Prisma } from '@/lib/db';
import type { PendingEvent } from '@/lib/realtime/events';
import { conversationFor, findOrCreateIdentity, lockCustomer } from './thread';

type Tx = Prisma.TransactionClient;

/** An edit replaces the text of the message it edits (same externalId); unknown messages are ignored. */
export async function applyEdit(tx: Tx, inbox: { id: string }, e: EditEvent, pending: PendingEvent[]): Promise<void> {
  const message = await tx.message.findUnique({ where: { inboxId_externalId: { inboxId: inbox.id, externalId: e.externalId } } });
  if (!message || message.direction !== 'inbound') return;
  // Edits can arrive out of order: keep the latest one.
  if (message.editedAt && message.editedAt >= e.timestamp) return;
  await tx.message.update({ where: { id: message.id }, data: { text: e.text ?? message.text, editedAt: e.timestamp, ...(e.attachments.length && { attachments: e.attachments as unknown as Prisma.InputJsonArray }) } });
  pending.push({ name: 'message.updated', payload: { messageId: message.id, conversationId: message.conversationId, inboxId: inbox.id, status: message.status, error: null } });
}

const STATE_TEXT: Record<ContactStateEvent['state'], string> = {
  blocked: 'The customer blocked this channel: replies cannot reach them.',
  unblocked: 'The customer can be reached again.',
  subscribed: 'The customer followed this account.',
  unsubscribed: 'The customer unfollowed this account: replies cannot reach them.',
};

/** Recorded as a system line in the thread; blocked/unsubscribed customers are unreachable. */
export async function applyContactState(tx: Tx, inbox: { id: string }, e: ContactStateEvent, pending: PendingEvent[]): Promise<void> {
  await lockCustomer(tx, inbox.id, e.contactExternalId);
  if ((await tx.message.count({ where: { inboxId: inbox.id, externalId: e.dedupeKey } })) > 0) return;
  const identity = await findOrCreateIdentity(tx, inbox.id, e.contactExternalId, e.contact?.name);
  const unreachable = e.state === 'blocked' || e.state === 'unsubscribed';
  await tx.contactIdentity.update({ where: { id: identity.id }, data: { unreachable } });
  const conversation = await conversationFor(tx, identity, pending, { reopen: false, at: e.timestamp });
  if (e.reference) await tx.conversation.update({ where: { id: conversation.id }, data: { reference: e.reference as Prisma.InputJsonObject } });
  // Following an account is an interaction that opens the reply window (WeChat 48 h).
  if (e.state === 'subscribed' && (!conversation.lastInboundAt || conversation.lastInboundAt < e.timestamp)) {
    await tx.conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: e.timestamp } });
  }
  const message = await tx.message.create({
    data: { conversationId: conversation.id, inboxId: inbox.id, direction: 'inbound', kind: 'system', status: 'received', text: STATE_TEXT[e.state], externalId: e.dedupeKey, timestamp: e.timestamp },
  });
  await tx.conversationEvent.create({ data: { conversationId: conversation.id, type: 'contact_state', data: { state: e.state } } });
  pending.push({ name: 'message.created', payload: { messageId: message.id, conversationId: conversation.id, inboxId: inbox.id, direction: 'inbound', status: 'received' } });
  pending.push({ name: 'conversation.updated', payload: { conversationId: conversation.id, inboxId: inbox.id, status: conversation.status, assigneeId: conversation.assigneeId } });
}
