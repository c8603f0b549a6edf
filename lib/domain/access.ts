/**
 * Who may do what. Admins manage everything; managers see everything; agents see inboxes they
 * are members of, or inboxes with no member list at all.
 */
import { db } from '@/lib/db';
import type { Actor, Role } from './actor';
import { forbidden } from './errors';

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) throw forbidden(`This needs the ${roles.join(' or ')} role`);
}

/** null = every inbox. */
export async function visibleInboxIds(actor: Actor): Promise<string[] | null> {
  if (actor.role !== 'agent') return null;
  const inboxes = await db().inbox.findMany({
    where: { OR: [{ members: { none: {} } }, { members: { some: { userId: actor.id } } }] },
    select: { id: true },
  });
  return inboxes.map((i) => i.id);
}

export async function canSeeInbox(actor: Actor, inboxId: string): Promise<boolean> {
  const ids = await visibleInboxIds(actor);
  return ids === null || ids.includes(inboxId);
}
