/**
 * Attachments that need the provider's credentials to open (WhatsApp media ids, Telegram file
 * ids) are served through Switchboard: the agent's browser never sees provider tokens.
 */
import type { Attachment } from '@/lib/channels/types';
import { db } from '@/lib/db';
import type { Actor } from './actor';
import { canSeeInbox } from './access';
import { DomainError, notFound } from './errors';
import { isUuid } from './ids';
import { connectorFor, inboxConfig } from './inboxes';
import { connectorDeps } from './shared-cache';

export const mediaPath = (messageId: string, index: number) => `/api/v1/messages/${messageId}/attachments/${index}`;

export async function openAttachment(actor: Actor, messageId: string, index: number): Promise<Response> {
  if (!isUuid(messageId) || !Number.isInteger(index) || index < 0) throw notFound('Attachment');
  const message = await db().message.findUnique({ where: { id: messageId }, include: { inbox: true } });
  if (!message || !(await canSeeInbox(actor, message.inboxId))) throw notFound('Attachment');
  const attachment = (message.attachments as unknown as Attachment[])[index];
  if (!attachment) throw notFound('Attachment');
  if (attachment.url) return Response.redirect(attachment.url, 302);
  const connector = connectorFor(message.inbox.channel);
  if (!attachment.providerMediaId || !connector.fetchMedia) throw new DomainError('media_unavailable', 'This attachment cannot be downloaded from the provider', 404);
  const upstream = await connector.fetchMedia(connector.configSchema.parse(inboxConfig(message.inbox)), attachment, connectorDeps());
  if (!upstream.ok || !upstream.body) throw new DomainError('media_unavailable', `The provider refused the download (HTTP ${upstream.status}); media links expire after a while`, 502);
  const headers = new Headers({ 'content-type': upstream.headers.get('content-type') ?? attachment.mimeType ?? 'application/octet-stream', 'cache-control': 'private, max-age=300' });
  if (attachment.name) headers.set('content-disposition', `inline; filename="${attachment.name.replace(/["\\\r\n]/g, '_')}"`);
  return new Response(upstream.body, { status: 200, headers });
}
