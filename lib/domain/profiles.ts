/**
 * Names for customers whose webhooks carry none (Messenger): asked from the provider once, in a
 * job of its own (contact.profile), so a slow profile API never delays ingest. Best effort.
 */
import type { ContactProfile } from '@/lib/channels/types';
import { db } from '@/lib/db';
import { publish } from '@/lib/realtime/publish';
import { connectorFor, inboxConfig } from './inboxes';

/** The contact.profile job: asks the inbox's connector for the customer's profile. */
export async function lookUpContactName(inboxId: string, externalId: string): Promise<void> {
  const inbox = await db().inbox.findUnique({ where: { id: inboxId } });
  const connector = inbox && connectorFor(inbox.channel);
  if (!inbox || !connector?.fetchProfile) return;
  const config = connector.configSchema.parse(inboxConfig(inbox));
  await fillContactName(inbox, externalId, (id) => connector.fetchProfile!(config, id, fetch));
}

export async function fillContactName(inbox: { id: string }, externalId: string, lookup: (externalId: string) => Promise<ContactProfile | null | undefined> | undefined): Promise<void> {
  const identity = await db().contactIdentity.findUnique({ where: { inboxId_externalId: { inboxId: inbox.id, externalId } }, include: { contact: true } });
  if (!identity || identity.contact.name || identity.profile) return;
  const profile = await lookup(externalId);
  // Remember that we asked, so a customer without a public name is not looked up on every message.
  await db().contactIdentity.update({ where: { id: identity.id }, data: { profile: { name: profile?.name ?? null, fetchedAt: new Date().toISOString() } } });
  if (!profile?.name) return;
  await db().contact.update({ where: { id: identity.contactId }, data: { name: profile.name } });
  const conversation = await db().conversation.findFirst({ where: { identityId: identity.id }, orderBy: { createdAt: 'desc' } });
  if (conversation) publish('conversation.updated', { conversationId: conversation.id, inboxId: inbox.id, status: conversation.status, assigneeId: conversation.assigneeId });
}
