/** API shapes of conversations and messages (the contract in README "API"). */
import type { Attachment, WindowState } from '@/lib/channels/types';
import { mediaPath } from './media';

type ConversationRow = {
  id: string; inboxId: string; status: string; assigneeId: string | null;
  lastActivityAt: Date; lastInboundAt: Date | null; lastMessagePreview: string | null; lastMessageDirection: string | null;
  inbox: { name: string; channel: string };
  assignee: { id: string; name: string } | null;
  contact: { id: string; name: string | null };
  identity: { externalId: string; unreachable: boolean };
};

export function conversationView(c: ConversationRow, window: WindowState) {
  return {
    id: c.id,
    inboxId: c.inboxId,
    inboxName: c.inbox.name,
    channel: c.inbox.channel,
    status: c.status,
    assigneeId: c.assigneeId,
    assignee: c.assignee ? { id: c.assignee.id, name: c.assignee.name } : null,
    contact: { id: c.contact.id, name: c.contact.name, externalId: c.identity.externalId, unreachable: c.identity.unreachable },
    lastMessage: c.lastMessageDirection ? { text: c.lastMessagePreview, direction: c.lastMessageDirection, at: c.lastActivityAt } : null,
    lastActivityAt: c.lastActivityAt,
    lastInboundAt: c.lastInboundAt,
    window: { open: window.open, closesAt: window.closesAt, note: window.note ?? null, allowedWhenClosed: window.allowedWhenClosed },
  };
}

type MessageRow = {
  id: string; conversationId: string; direction: string; kind: string; text: string | null; attachments: unknown; location: unknown;
  status: string | null; errorCode: string | null; errorText: string | null; attempts: number; timestamp: Date; createdAt: Date;
  sentAt: Date | null; deliveredAt: Date | null; readAt: Date | null; editedAt?: Date | null; externalId: string | null; template?: unknown;
  author?: { id: string; name: string } | null;
};

export function messageView(m: MessageRow) {
  return {
    id: m.id,
    conversationId: m.conversationId,
    direction: m.direction,
    kind: m.kind,
    text: m.text,
    // Attachments only the provider can serve get a link through Switchboard (lib/domain/media.ts).
    attachments: ((m.attachments as Attachment[] | null) ?? []).map((a, i) => (a.url || !a.providerMediaId ? a : { ...a, url: mediaPath(m.id, i) })),
    location: m.location ?? null,
    template: m.template ?? null,
    status: m.status,
    error: m.errorText ? { code: m.errorCode, message: m.errorText } : null,
    attempts: m.attempts,
    private: m.kind === 'note',
    externalId: m.externalId,
    author: m.author ? { id: m.author.id, name: m.author.name } : null,
    timestamp: m.timestamp,
    createdAt: m.createdAt,
    sentAt: m.sentAt,
    deliveredAt: m.deliveredAt,
    readAt: m.readAt,
    editedAt: m.editedAt ?? null,
  };
}

export function previewOf(m: { text?: string | null; attachments?: { kind: string }[]; location?: unknown }): string {
  if (m.text) return m.text.slice(0, 200);
  if (m.attachments?.length) return `[${m.attachments[0].kind}]`;
  if (m.location) return '[location]';
  return '';
}
