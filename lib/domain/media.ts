/**
 * Opens a message's attachment for an agent. Everything streams through Switchboard (never a
 * redirect: the route is not an open redirect): links from the provider or the customer go through
 * the safe fetch (public addresses only, size cap), media ids through the connector, which holds
 * the provider's credentials. The response's type and disposition come from attachment-response.ts.
 */
import type { Attachment } from '@/lib/channels/types';
import { ConnectorError } from '@/lib/channels/types';
import { db } from '@/lib/db';
import { readSetting } from '@/lib/env';
import { logger } from '@/lib/logger';
import { OutboundFetchError, TooLargeError, untrustedFetch } from '@/lib/net';
import { capResponse } from '@/lib/net/capped-body';
import type { Actor } from './actor';
import { canSeeInbox } from './access';
import { attachmentResponse } from './attachment-response';
import { DomainError, notFound } from './errors';
import { isUuid } from './ids';
import { connectorFor, inboxConfig } from './inboxes';
import { connectorDeps } from './shared-cache';

export const mediaPath = (messageId: string, index: number) => `/api/v1/messages/${messageId}/attachments/${index}`;

const DOWNLOAD_TIMEOUT_MS = 120_000;

export async function openAttachment(actor: Actor, messageId: string, index: number): Promise<Response> {
  if (!isUuid(messageId) || !Number.isInteger(index) || index < 0) throw notFound('Attachment');
  const message = await db().message.findUnique({ where: { id: messageId }, include: { inbox: true } });
  if (!message || !(await canSeeInbox(actor, message.inboxId))) throw notFound('Attachment');
  const attachment = (message.attachments as unknown as Attachment[])[index];
  if (!attachment) throw notFound('Attachment');
  try {
    const upstream = await download(message.inbox, attachment);
    if (!upstream.ok || !upstream.body) {
      await upstream.body?.cancel();
      throw new DomainError('media_unavailable', `The file could not be downloaded (HTTP ${upstream.status}); media links expire after a while`, 502);
    }
    return await attachmentResponse(upstream.body, attachment.name);
  } catch (err) {
    throw explain(err, messageId, index);
  }
}

type InboxRow = Parameters<typeof inboxConfig>[0] & { channel: string };

async function download(inbox: InboxRow, attachment: Attachment): Promise<Response> {
  const maxBytes = readSetting('ATTACHMENT_MAX_BYTES');
  if (attachment.providerMediaId) {
    const connector = connectorFor(inbox.channel);
    if (connector.fetchMedia) {
      const res = await connector.fetchMedia(connector.configSchema.parse(inboxConfig(inbox)), attachment, connectorDeps());
      return capResponse(res, maxBytes);
    }
  }
  if (attachment.url) return untrustedFetch()(attachment.url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  throw new DomainError('media_unavailable', 'This attachment cannot be downloaded from the provider', 404);
}

/** What the agent sees: a plain reason. Addresses and socket errors only go to the log. */
function explain(err: unknown, messageId: string, index: number): DomainError {
  if (err instanceof DomainError) return err;
  logger.warn({ err, detail: err instanceof OutboundFetchError ? err.detail : undefined, messageId, index }, 'attachment download failed');
  if (err instanceof TooLargeError) return new DomainError('attachment_too_large', `${err.message}: open it in the provider's app`, 502);
  if (err instanceof OutboundFetchError) return new DomainError('media_unavailable', `The file could not be downloaded: ${err.message}`, 502);
  if (err instanceof ConnectorError) return new DomainError('media_unavailable', err.message, 502);
  if (err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError')) return new DomainError('media_unavailable', 'The file could not be downloaded: the server took too long to answer', 504);
  return new DomainError('media_unavailable', 'The file could not be downloaded from where it is stored', 502);
}
