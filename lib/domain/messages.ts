/** Thread reading, replies and notes. A reply is stored `queued` in the same transaction as its delivery job. */
import { z } from 'zod';
import { db } from '@/lib/db';
import { enqueue } from '@/lib/jobs/boss';
import { QUEUES } from '@/lib/jobs/contracts';
import { publish } from '@/lib/realtime/publish';
import { uuidv7 } from '@/lib/uuid';
import type { Actor } from './actor';
import { loadVisibleConversation } from './conversations';
import { decodeCursor, encodeCursor } from './cursor';
import { DomainError, invalid, notFound } from './errors';
import { isUuid } from './ids';
import { connectorFor } from './inboxes';
import { withPgTransaction } from './pg-tx';
import { sentSinceInbound } from './window-usage';
import { messageView, previewOf } from './views';

export const messagesQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});

const templateInput = z.object({
  name: z.string().trim().min(1, 'Template name is required').max(512),
  language: z.string().trim().min(2, 'Template language is required (e.g. en_US)').max(20),
  parameters: z.array(z.string().max(1024)).max(20).default([]),
});

export const replyInput = z
  .object({
    text: z.string().trim().max(10_000, 'Message is too long (10,000 characters at most)').default(''),
    private: z.boolean().default(false),
    /** A pre-approved template: the only thing some channels accept once the reply window closed. */
    template: templateInput.optional(),
    /** Files by link: the provider downloads them, so the URL must be publicly reachable. */
    attachments: z.array(z.object({
      kind: z.enum(['image', 'video', 'audio', 'file']),
      url: z.url({ protocol: /^https?$/, error: 'Attachment URL must be an http(s) URL the provider can download' }),
      name: z.string().max(255).optional(),
    })).max(10).default([]),
  })
  .refine((v) => v.text.length > 0 || v.template || v.attachments.length > 0, 'Write a message first')
  .refine((v) => !(v.template && v.attachments.length), 'A template cannot carry attachments')
  .refine((v) => !(v.private && v.template), 'A private note cannot be a template');

const withAuthor = { author: { select: { id: true, name: true } } } as const;

export async function listMessages(actor: Actor, conversationId: string, query: unknown) {
  const parsed = messagesQuery.safeParse(query);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  await loadVisibleConversation(actor, conversationId);
  const { limit, cursor } = parsed.data;
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db().message.findMany({
    where: { conversationId, ...(after && { OR: [{ timestamp: { gt: after.at } }, { timestamp: after.at, id: { gt: after.id } }] }) },
    orderBy: [{ timestamp: 'asc' }, { id: 'asc' }],
    take: limit + 1,
    include: withAuthor,
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return { items: page.map(messageView), nextCursor: rows.length > limit && last ? encodeCursor(last.timestamp, last.id) : null };
}

export async function createReply(actor: Actor, conversationId: string, input: unknown) {
  const parsed = replyInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => i.message).join('; '));
  const { private: isNote, template, attachments } = parsed.data;
  if (isNote && attachments.length) throw invalid('A private note cannot carry attachments');
  const text = template ? `Template ${template.name} (${template.language})${template.parameters.length ? `: ${template.parameters.join(' · ')}` : ''}` : parsed.data.text;
  const conversation = await loadVisibleConversation(actor, conversationId);
  if (!isNote) {
    if (conversation.identity.unreachable) throw new DomainError('unreachable', 'This customer cannot be reached on this channel any more (they blocked or left it).', 422);
    const connector = connectorFor(conversation.inbox.channel);
    if (template && !connector.capabilities.templates) throw new DomainError('templates_unsupported', `${connector.displayName} has no message templates`, 422);
    if (attachments.length && !connector.capabilities.media) throw new DomainError('media_unsupported', `${connector.displayName} cannot send files`, 422);
    const usage = { sentSinceInbound: await sentSinceInbound(conversation.id, conversation.lastInboundAt) };
    const window = connector.window(conversation.lastInboundAt, new Date(), conversation.inbox.config as never, usage);
    const allowed = window.open || (template && window.allowedWhenClosed.includes('template'));
    if (!allowed) throw new DomainError('window_closed', window.note ?? 'The reply window is closed.', 422, { allowedWhenClosed: window.allowedWhenClosed });
  }
  const id = uuidv7();
  const now = new Date();
  await withPgTransaction(async (client) => {
    await client.query(
      `INSERT INTO "Message" ("id", "conversationId", "inboxId", "direction", "kind", "text", "template", "attachments", "status", "authorId", "timestamp", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, 'outbound', $4, $5, $6, $7, $8, $9, $10, $10, $10)`,
      [id, conversationId, conversation.inboxId, isNote ? 'note' : template ? 'template' : text ? 'text' : 'attachment', text || null, template ? JSON.stringify(template) : null, JSON.stringify(attachments), isNote ? null : 'queued', actor.id, now],
    );
    if (isNote) return;
    await client.query(
      `UPDATE "Conversation" SET "lastActivityAt" = $2, "lastMessagePreview" = $3, "lastMessageDirection" = 'outbound',
       "firstResponseAt" = COALESCE("firstResponseAt", $2), "updatedAt" = $2 WHERE "id" = $1`,
      [conversationId, now, previewOf({ text, attachments })],
    );
    await enqueue(QUEUES.outboundDeliver, { messageId: id, conversationId }, { client, singletonKey: conversationId });
  });
  const message = await db().message.findUniqueOrThrow({ where: { id }, include: withAuthor });
  publish('message.created', { messageId: id, conversationId, inboxId: conversation.inboxId, direction: 'outbound', status: message.status });
  if (!isNote) publish('conversation.updated', { conversationId, inboxId: conversation.inboxId, status: conversation.status, assigneeId: conversation.assigneeId });
  return messageView(message);
}

/** An agent retries a failed reply: it is queued again and really re-sent. */
export async function retryMessage(actor: Actor, conversationId: string, messageId: string) {
  const conversation = await loadVisibleConversation(actor, conversationId);
  if (!isUuid(messageId)) throw notFound('Message');
  const existing = await db().message.findFirst({ where: { id: messageId, conversationId } });
  if (!existing) throw notFound('Message');
  if (existing.status !== 'failed') throw new DomainError('not_failed', 'Only a failed reply can be retried', 409);
  await withPgTransaction(async (client) => {
    const res = await client.query(
      `UPDATE "Message" SET "status" = 'queued', "errorCode" = NULL, "errorText" = NULL, "attempts" = 0, "retryingSince" = NULL, "updatedAt" = now() WHERE "id" = $1 AND "status" = 'failed'`,
      [messageId],
    );
    if (res.rowCount === 0) throw new DomainError('not_failed', 'Only a failed reply can be retried', 409);
    await enqueue(QUEUES.outboundDeliver, { messageId, conversationId }, { client, singletonKey: conversationId });
  });
  publish('message.updated', { messageId, conversationId, inboxId: conversation.inboxId, status: 'queued', error: null });
  return messageView(await db().message.findUniqueOrThrow({ where: { id: messageId }, include: withAuthor }));
}
