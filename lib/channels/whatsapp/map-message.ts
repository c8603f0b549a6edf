import type { Attachment, AttachmentKind, InboundMessageEvent, NormalizedEvent } from '../types';
import { MalformedPayloadError } from '../types';
import { identityReference, resolveContact } from './contacts';
import { humanReason } from './error-reasons';
import type { WireContact, WireMedia, WireMessage } from './schemas';

const MEDIA_TYPES = { image: 'image', video: 'video', audio: 'audio', document: 'file', sticker: 'sticker' } as const;
type MediaType = keyof typeof MEDIA_TYPES;
const isMediaType = (type: string): type is MediaType => Object.hasOwn(MEDIA_TYPES, type);

/** One customer message → one event. The wamid is both our external id and the dedupe key. */
export function mapMessage(msg: WireMessage, contacts: WireContact[] | undefined): NormalizedEvent {
  const who = { waId: msg.from, userId: msg.from_user_id };
  const contact = resolveContact(who, contacts, 'message');
  const timestamp = new Date(msg.timestamp * 1000);
  const base = { dedupeKey: msg.id, timestamp };

  if (msg.type === 'reaction') {
    const reaction = need(msg.reaction, msg);
    // An empty or missing emoji means the customer removed their reaction.
    return { ...base, type: 'reaction', contactExternalId: contact.externalId, messageExternalId: reaction.message_id, emoji: reaction.emoji || null };
  }

  const reference = identityReference(who, contacts);
  const message: InboundMessageEvent = {
    ...base, type: 'message', externalId: msg.id, contact, attachments: [],
    ...(msg.context?.id ? { replyToExternalId: msg.context.id } : {}),
    ...(reference ? { reference } : {}),
  };

  if (msg.type === 'text') return { ...message, text: need(msg.text, msg).body };
  if (isMediaType(msg.type)) {
    const media = need(msg[msg.type], msg);
    return { ...message, attachments: [attachment(MEDIA_TYPES[msg.type], media, msg.type === 'document')], ...(media.caption ? { text: media.caption } : {}) };
  }
  if (msg.type === 'location') {
    const { latitude, longitude, name, address } = need(msg.location, msg);
    return { ...message, location: { latitude, longitude, ...(name ? { name } : {}), ...(address ? { address } : {}) } };
  }
  if (msg.type === 'interactive') {
    const tapped = msg.interactive?.button_reply ?? msg.interactive?.list_reply;
    if (tapped) return { ...message, text: tapped.title, postback: { ...(tapped.title !== undefined ? { title: tapped.title } : {}), payload: tapped.id } };
  }
  if (msg.type === 'button') {
    // A tap on a template quick-reply; context.id names the template message it belongs to.
    const button = need(msg.button, msg);
    return { ...message, text: button.text, postback: { title: button.text, payload: button.payload ?? button.text } };
  }
  return {
    ...base, type: 'unsupported', contactExternalId: contact.externalId, description: describeUnsupported(msg),
  };
}

function attachment(kind: AttachmentKind, media: WireMedia, isDocument: boolean): Attachment {
  // No URL: WhatsApp media must be fetched with credentials (connector.fetchMedia).
  return {
    kind, providerMediaId: media.id,
    ...(media.mime_type ? { mimeType: media.mime_type } : {}),
    ...(isDocument && media.filename ? { name: media.filename } : {}),
  };
}

/** contacts, order, system, unsupported, interactive flows, types added later… stored, not modelled. */
function describeUnsupported(msg: WireMessage): string {
  if (msg.type === 'system') return `WhatsApp system message: ${msg.system?.body ?? msg.system?.type ?? 'no details'}`;
  if (msg.type === 'unsupported' || msg.errors?.length) return `WhatsApp message the API cannot show: ${humanReason(msg.errors?.[0])}`;
  const names: Record<string, string> = { contacts: 'a shared contact card', order: 'an order from the catalog', interactive: `an interactive "${msg.interactive?.type}" reply` };
  return `WhatsApp ${names[msg.type] ?? `"${msg.type}" message`} (not handled)`;
}

function need<T>(part: T | undefined, msg: WireMessage): T {
  if (part === undefined) throw new MalformedPayloadError(`WhatsApp ${msg.type} message ${msg.id} has no "${msg.type}" object`);
  return part;
}
