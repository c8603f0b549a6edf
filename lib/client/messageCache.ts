/** Pure helpers that edit a conversation's cached message list (optimistic sends, live receipts). */
import type { Message, MessageStatus } from './types';

const TEMP_PREFIX = 'temp-';
let tempCounter = 0;

export function newTempId(): string {
  tempCounter += 1;
  return `${TEMP_PREFIX}${Date.now().toString(36)}-${tempCounter}`;
}

export function isTempId(id: string): boolean {
  return id.startsWith(TEMP_PREFIX);
}

/**
 * Inserts or replaces `message` (by id, or in place of `replaceId`), never duplicating it. A copy
 * already in the list with a later status wins that status: the send's own response ("queued")
 * can arrive after a live receipt or a refetch has already shown it sent.
 */
export function upsertMessage(list: Message[], incoming: Message, replaceId?: string): Message[] {
  const known = list.find((m) => m.id === incoming.id);
  const message = known && incoming.status && !acceptsStatus(known.status, incoming.status) ? { ...incoming, status: known.status, error: known.error } : incoming;
  const withoutDupes = list.filter((m) => m.id !== message.id || m.id === replaceId);
  const at = withoutDupes.findIndex((m) => m.id === (replaceId ?? message.id));
  if (at === -1) return [...withoutDupes, message];
  const next = withoutDupes.slice();
  next[at] = message;
  return next;
}

export function removeMessage(list: Message[], id: string): Message[] {
  return list.filter((m) => m.id !== id);
}

// Outbound status only moves forward; `failed` can be left only by a retry (queued/sending) or a late success.
const RANK: Record<MessageStatus, number> = { received: 0, queued: 1, sending: 2, sent: 3, delivered: 4, read: 5, failed: 3 };

export function acceptsStatus(current: MessageStatus | null, next: MessageStatus): boolean {
  if (current === null || current === next) return true;
  if (current === 'failed') return true;
  if (next === 'failed') return current !== 'delivered' && current !== 'read';
  return RANK[next] >= RANK[current];
}

/** Applies a receipt; returns null when the message is not in the list (the caller refetches). */
export function applyStatus(
  list: Message[],
  id: string,
  status: MessageStatus,
  error: Message['error'],
): Message[] | null {
  const at = list.findIndex((m) => m.id === id);
  if (at === -1) return null;
  const current = list[at];
  if (!acceptsStatus(current.status, status)) return list;
  const next = list.slice();
  next[at] = { ...current, status, error: status === 'failed' ? error : null };
  return next;
}

/** Drops repeated ids (cursor pages can overlap when new rows arrive between fetches). */
export function dedupeById<T extends { id: string }>(items: T[]): T[] {
  const seen = new Set<string>();
  return items.filter((item) => (seen.has(item.id) ? false : (seen.add(item.id), true)));
}
