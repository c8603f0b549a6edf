/**
 * Finding the customer's conversation inside a transaction: the identity is upserted, the
 * latest conversation reused (reopened when resolved or snoozed) or created. An advisory lock per
 * (inbox, customer) serialises concurrent events of one customer across worker processes.
 */
import type { Prisma } from '@/lib/db';
import type { PendingEvent } from '@/lib/realtime/events';

type Tx = Prisma.TransactionClient;

export async function lockCustomer(tx: Tx, inboxId: string, externalId: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${inboxId}:${externalId}`}, 0))`;
}

export async function findOrCreateIdentity(tx: Tx, inboxId: string, externalId: string, name?: string) {
  const existing = await tx.contactIdentity.findUnique({ where: { inboxId_externalId: { inboxId, externalId } }, include: { contact: true } });
  if (existing) {
    if (name && !existing.contact.name) await tx.contact.update({ where: { id: existing.contactId }, data: { name } });
    return existing;
  }
  const contact = await tx.contact.create({ data: { name: name ?? null } });
  return tx.contactIdentity.create({ data: { inboxId, externalId, contactId: contact.id }, include: { contact: true } });
}

/** The customer's conversation, reopened if it was resolved or snoozed. */
export async function conversationFor(tx: Tx, identity: { id: string; inboxId: string; contactId: string }, events: PendingEvent[], opts: { reopen: boolean; at: Date }) {
  const latest = await tx.conversation.findFirst({ where: { identityId: identity.id }, orderBy: { createdAt: 'desc' } });
  if (!latest) {
    const created = await tx.conversation.create({ data: { inboxId: identity.inboxId, contactId: identity.contactId, identityId: identity.id, status: 'open', lastActivityAt: opts.at } });
    await tx.conversationEvent.create({ data: { conversationId: created.id, type: 'created', data: { status: 'open' } } });
    events.push({ name: 'conversation.created', payload: { conversationId: created.id, inboxId: created.inboxId, status: created.status } });
    return created;
  }
  if (opts.reopen && (latest.status === 'resolved' || latest.status === 'snoozed')) {
    const reopened = await tx.conversation.update({ where: { id: latest.id }, data: { status: 'open', resolvedAt: null, snoozedUntil: null } });
    await tx.conversationEvent.create({ data: { conversationId: latest.id, type: 'status_changed', data: { from: latest.status, to: 'open', reason: 'customer_wrote' } } });
    return reopened;
  }
  return latest;
}
