import { ConnectorError, type OutboundMessage } from '../types';
import type { StoredReference } from './reference';

type OutAttachment = NonNullable<OutboundMessage['attachments']>[number];

const MIME_BY_EXTENSION: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', webp: 'image/webp',
  mp4: 'video/mp4', mov: 'video/quicktime', mp3: 'audio/mpeg', m4a: 'audio/mp4', ogg: 'audio/ogg', wav: 'audio/wav',
  pdf: 'application/pdf', txt: 'text/plain', csv: 'text/csv', zip: 'application/zip',
};
const FALLBACK_MIME: Record<string, string> = { image: 'image/png', video: 'video/mp4', audio: 'audio/mpeg' };

/** Bot Framework attachments need a concrete content type; guess it from the URL's extension. */
export function contentTypeOf(attachment: OutAttachment): string {
  const path = (() => { try { return new URL(attachment.url).pathname; } catch { return attachment.url; } })();
  const ext = /\.([a-z0-9]{1,5})$/i.exec(attachment.name ?? path)?.[1]?.toLowerCase();
  return (ext && MIME_BY_EXTENSION[ext]) ?? FALLBACK_MIME[attachment.kind] ?? 'application/octet-stream';
}

/**
 * The Activity we POST (PROTOCOLS.md 4e). Teams only renders images sent by URL (files need its
 * file-consent flow), so on msteams other media go out as markdown links in the text; Web Chat
 * and Direct Line render every kind by contentUrl. Shared links are always text.
 */
export function outboundActivity(ref: StoredReference, appId: string, message: OutboundMessage, replyToId: string | undefined) {
  if (message.template) throw new ConnectorError('invalid_request', 'Bot Framework channels have no message templates');
  const lines = message.text?.trim() ? [message.text] : [];
  const attachments: { contentType: string; contentUrl: string; name?: string }[] = [];
  for (const a of message.attachments ?? []) {
    const asLink = a.kind === 'link' || (ref.channelId === 'msteams' && a.kind !== 'image');
    if (asLink) lines.push(a.name ? `[${a.name}](${a.url})` : a.url);
    else attachments.push({ contentType: contentTypeOf(a), contentUrl: a.url, ...(a.name ? { name: a.name } : {}) });
  }
  if (lines.length === 0 && attachments.length === 0) throw new ConnectorError('invalid_request', 'The message has no text or attachment to send');
  return {
    type: 'message',
    from: { id: ref.botId ?? (ref.channelId === 'msteams' ? `28:${appId}` : appId), ...(ref.botName ? { name: ref.botName } : {}) },
    conversation: { id: ref.conversationId },
    ...(ref.userId ? { recipient: { id: ref.userId, ...(ref.userName ? { name: ref.userName } : {}) } } : {}),
    ...(lines.length ? { text: lines.join('\n\n'), textFormat: 'markdown' } : {}),
    ...(attachments.length ? { attachments } : {}),
    ...(replyToId ? { replyToId } : {}),
  };
}
