import { ConnectorError, type OutboundMessage } from '../types';

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

export type CloudMessageBody = Record<string, unknown> & { type: string };
type Content = Record<string, unknown> & { type: string };

/** A BSUID looks like "US.13491208655302741918" (or "US.ENT.…"); phone numbers are digits. */
export const isBusinessScopedUserId = (id: string) => /^[A-Z]{2}\.[A-Za-z0-9.]+$/.test(id);

/** Cloud API attachment types; a caption goes on images, videos and documents only. */
const MEDIA_TYPE = { image: 'image', video: 'video', audio: 'audio', file: 'document', sticker: 'sticker' } as const;
const CAPTIONED = new Set(['image', 'video', 'document']);

/**
 * OutboundMessage → Cloud API message bodies (PROTOCOLS.md 2e), in sending order. A template goes
 * alone. Text rides as the caption of a first image/video/document when it fits; otherwise it is
 * its own message first. Media go by link. The reply context goes on the first body only.
 */
export function buildCloudBodies(contactExternalId: string, message: OutboundMessage): CloudMessageBody[] {
  const text = message.text?.trim() ? message.text : undefined;
  const attachments = message.attachments ?? [];
  if (text && text.length > MAX_TEXT_LENGTH) {
    throw new ConnectorError('invalid_request', `WhatsApp messages are limited to ${MAX_TEXT_LENGTH} characters`);
  }

  const contents: Content[] = [];
  if (message.template) {
    if (text || attachments.length) throw new ConnectorError('invalid_request', 'A WhatsApp template is sent on its own, without text or attachments');
    contents.push(templateContent(message.template));
  } else {
    let caption = text;
    const first = attachments[0];
    if (text && (!first || first.kind === 'link' || !CAPTIONED.has(MEDIA_TYPE[first.kind]) || text.length > MAX_CAPTION_LENGTH)) {
      contents.push({ type: 'text', text: { preview_url: /https?:\/\//.test(text), body: text } });
      caption = undefined;
    }
    attachments.forEach((a, i) => {
      if (a.kind === 'link') return void contents.push({ type: 'text', text: { preview_url: true, body: a.url } });
      const type = MEDIA_TYPE[a.kind];
      const media: Record<string, unknown> = { link: a.url };
      if (i === 0 && caption) media.caption = caption;
      if (type === 'document' && a.name) media.filename = a.name;
      contents.push({ type, [type]: media });
    });
  }
  if (contents.length === 0) throw new ConnectorError('invalid_request', 'The message has no text, attachment or template to send');

  const recipient = isBusinessScopedUserId(contactExternalId) ? { recipient: contactExternalId } : { to: contactExternalId };
  return contents.map((content, i): CloudMessageBody => ({
    messaging_product: 'whatsapp', recipient_type: 'individual', ...recipient,
    ...(i === 0 && message.replyToExternalId ? { context: { message_id: message.replyToExternalId } } : {}),
    ...content,
  }));
}

function templateContent(template: NonNullable<OutboundMessage['template']>): Content {
  const components = template.parameters.length
    ? [{ type: 'body', parameters: template.parameters.map((text) => ({ type: 'text', text })) }]
    : undefined;
  return { type: 'template', template: { name: template.name, language: { code: template.language }, ...(components ? { components } : {}) } };
}
