import { db } from '@/lib/db';

const lastWrite = new Map<string, number>();

/** Inbox health: remember when it last received an event, at most one write per 10 s per inbox. */
export function touchInbox(inboxId: string): void {
  const now = Date.now();
  if ((lastWrite.get(inboxId) ?? 0) > now - 10_000) return;
  lastWrite.set(inboxId, now);
  void db().inbox.update({ where: { id: inboxId }, data: { lastEventAt: new Date(now) } }).catch(() => undefined);
}
