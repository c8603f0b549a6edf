/** Conversation queue: list, read, change status and assignee. */
import { z } from 'zod';
import { db, type Prisma } from '@/lib/db';
import { publish } from '@/lib/realtime/publish';
import type { Actor } from './actor';
import { canSeeInbox, visibleInboxIds } from './access';
import { decodeCursor, encodeCursor } from './cursor';
import { invalid, notFound } from './errors';
import { isUuid } from './ids';
import { connectorFor } from './inboxes';
import { conversationView } from './views';

export const listQuery = z.object({
  status: z.enum(['open', 'pending', 'snoozed', 'resolved', 'all']).default('open'),
  assignee: z.enum(['me', 'unassigned', 'any']).default('any'),
  inboxId: z.uuid('inboxId must be an inbox id').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(200).optional(),
});

export const updateInput = z
  .object({
    status: z.enum(['open', 'pending', 'snoozed', 'resolved']).optional(),
    assigneeId: z.uuid('assigneeId must be a user id').nullable().optional(),
    snoozedUntil: z.coerce.date().optional(),
  })
  .strict()
  .refine((v) => v.status !== undefined || v.assigneeId !== undefined, 'Send status and/or assigneeId');

const include = {
  inbox: { select: { name: true, channel: true, config: true } },
  assignee: { select: { id: true, name: true } },
  contact: { select: { id: true, name: true } },
  identity: { select: { externalId: true, unreachable: true } },
} satisfies Prisma.ConversationInclude;

type Row = Prisma.ConversationGetPayload<{ include: typeof include }>;

export function toView(row: Row, now = new Date()) {
  const connector = connectorFor(row.inbox.channel);
  // window() reads only non-secret settings: the stored public config (defaults already applied
  // at creation) is enough, so listing never decrypts credentials.
  return conversationView(row, connector.window(row.lastInboundAt, now, row.inbox.config as never));
}

export async function listConversations(actor: Actor, query: unknown) {
  const parsed = listQuery.safeParse(query);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const q = parsed.data;
  const visible = await visibleInboxIds(actor);
  const where: Prisma.ConversationWhereInput = {
    ...(q.status !== 'all' && { status: q.status }),
    ...(q.assignee === 'me' && { assigneeId: actor.id }),
    ...(q.assignee === 'unassigned' && { assigneeId: null }),
    ...(q.inboxId ? { inboxId: visible && !visible.includes(q.inboxId) ? '00000000-0000-0000-0000-000000000000' : q.inboxId } : visible ? { inboxId: { in: visible } } : {}),
  };
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.OR = [{ lastActivityAt: { lt: c.at } }, { lastActivityAt: c.at, id: { lt: c.id } }];
  }
  const rows = await db().conversation.findMany({ where, include, orderBy: [{ lastActivityAt: 'desc' }, { id: 'desc' }], take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  const last = page[page.length - 1];
  return { items: page.map((r) => toView(r)), nextCursor: rows.length > q.limit && last ? encodeCursor(last.lastActivityAt, last.id) : null };
}

export async function loadVisibleConversation(actor: Actor, id: string): Promise<Row> {
  if (!isUuid(id)) throw notFound('Conversation');
  const row = await db().conversation.findUnique({ where: { id }, include });
  if (!row || !(await canSeeInbox(actor, row.inboxId))) throw notFound('Conversation');
  return row;
}

export async function getConversation(actor: Actor, id: string) {
  return toView(await loadVisibleConversation(actor, id));
}

export async function updateConversation(actor: Actor, id: string, input: unknown) {
  const parsed = updateInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => i.message).join('; '));
  const change = parsed.data;
  const current = await loadVisibleConversation(actor, id);
  if (change.assigneeId) {
    const user = await db().user.findUnique({ where: { id: change.assigneeId } });
    if (!user || user.disabledAt) throw invalid('assigneeId does not name an active user');
    if (!(await canSeeInbox({ ...actor, id: user.id, role: user.role }, current.inboxId))) throw invalid(`${user.name} cannot see this inbox`);
  }
  const data: Prisma.ConversationUpdateInput = {};
  const events: Prisma.ConversationEventCreateManyInput[] = [];
  if (change.status && change.status !== current.status) {
    data.status = change.status;
    data.resolvedAt = change.status === 'resolved' ? new Date() : null;
    data.snoozedUntil = change.status === 'snoozed' ? (change.snoozedUntil ?? null) : null;
    events.push({ conversationId: id, type: 'status_changed', actorId: actor.id, data: { from: current.status, to: change.status } });
  }
  if (change.assigneeId !== undefined && change.assigneeId !== current.assigneeId) {
    data.assignee = change.assigneeId ? { connect: { id: change.assigneeId } } : { disconnect: true };
    events.push({ conversationId: id, type: 'assigned', actorId: actor.id, data: { from: current.assigneeId, to: change.assigneeId } });
  }
  if (events.length === 0) return toView(current);
  const [row] = await db().$transaction([db().conversation.update({ where: { id }, data, include }), db().conversationEvent.createMany({ data: events })]);
  publish('conversation.updated', { conversationId: id, inboxId: row.inboxId, status: row.status, assigneeId: row.assigneeId });
  return toView(row);
}
