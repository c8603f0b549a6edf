/**
 * Names for customers whose webhooks carry none (Messenger): asked from the provider once, after
 * the message is stored, so a slow profile API never delays ingest. Best effort.
 */
import type { ContactProfile } from '@/lib/channels/types';
import { db } from '@/lib/db';
import { publish } from '@/lib/realtime/publish';

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
