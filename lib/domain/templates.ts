/** Approved message templates of an inbox's account (sendable outside the reply window). */
import { db } from '@/lib/db';
import type { Actor } from './actor';
import { canSeeInbox } from './access';
import { notFound } from './errors';
import { isUuid } from './ids';
import { connectorFor, inboxConfig } from './inboxes';
import { connectorDeps } from './shared-cache';

export async function listInboxTemplates(actor: Actor, inboxId: string) {
  if (!isUuid(inboxId) || !(await canSeeInbox(actor, inboxId))) throw notFound('Inbox');
  const inbox = await db().inbox.findUnique({ where: { id: inboxId } });
  if (!inbox) throw notFound('Inbox');
  const connector = connectorFor(inbox.channel);
  if (!connector.listTemplates) return [];
  return connector.listTemplates(connector.configSchema.parse(inboxConfig(inbox)), connectorDeps());
}
