import type { EditEvent, InboundMessageEvent, NormalizedEvent } from '../types';
import { mapContent, sharedContactText } from './attachments';
import { chatContact, chatReference, messageExternalId } from './contact';
import { hiddenLinks } from './entities';
import type { WireMessage } from './schemas';

/** Message fields that describe the envelope rather than what was said. */
const ENVELOPE_KEYS = new Set([
  'message_id', 'message_thread_id', 'from', 'sender_chat', 'sender_boost_count', 'sender_business_bot', 'date',
  'business_connection_id', 'chat', 'forward_origin', 'is_topic_message', 'is_automatic_forward', 'reply_to_message',
  'external_reply', 'quote', 'reply_to_story', 'via_bot', 'edit_date', 'has_protected_content', 'is_from_offline',
  'media_group_id', 'author_signature', 'reply_markup', 'link_preview_options', 'effect_id',
  'show_caption_above_media', 'has_media_spoiler', 'entities', 'caption_entities',
]);

interface Content {
  text?: string;
  attachments: InboundMessageEvent['attachments'];
  location?: InboundMessageEvent['location'];
}

/** Text or caption (kept verbatim), media, hidden links and location of one message. */
function contentOf(message: WireMessage): Content {
  const text = message.text ?? message.caption ?? sharedContactText(message);
  const { attachments, location } = mapContent(message);
  const links = hiddenLinks(message.text ?? message.caption, message.text !== undefined ? message.entities : message.caption_entities);
  return { ...(text !== undefined ? { text } : {}), attachments: [...attachments, ...links], ...(location ? { location } : {}) };
}

const isEmpty = (c: Content) => c.text === undefined && c.attachments.length === 0 && !c.location;

/** Service messages (members joined, title changed, group migrated...) and content we do not model (polls, dice). */
function unsupportedMessage(message: WireMessage, dedupeKey: string, timestamp: Date): NormalizedEvent {
  const kind = Object.keys(message).find((key) => !ENVELOPE_KEYS.has(key)) ?? 'empty';
  const description = message.migrate_to_chat_id
    ? `Telegram: this group was upgraded to a supergroup; its new chat id is ${message.migrate_to_chat_id}`
    : `Telegram message with "${kind}" (not handled)`;
  return { type: 'unsupported', dedupeKey, timestamp, contactExternalId: message.chat.id, description };
}

export function mapMessage(message: WireMessage, dedupeKey: string): NormalizedEvent {
  const timestamp = new Date(message.date * 1000);
  const content = contentOf(message);
  if (isEmpty(content)) return unsupportedMessage(message, dedupeKey, timestamp);
  return {
    type: 'message', dedupeKey, timestamp,
    externalId: messageExternalId(message.chat.id, message.message_id),
    contact: chatContact(message.chat, message.from),
    ...content,
    ...(message.reply_to_message ? { replyToExternalId: messageExternalId(message.chat.id, message.reply_to_message.message_id) } : {}),
    reference: chatReference(message.chat),
  };
}

/** The same (chat, message_id) as the original: an edit of that message, never a new one. */
export function mapEditedMessage(message: WireMessage, dedupeKey: string): EditEvent {
  const { text, attachments } = contentOf(message);
  return {
    type: 'edit', dedupeKey,
    timestamp: new Date((message.edit_date ?? message.date) * 1000),
    externalId: messageExternalId(message.chat.id, message.message_id),
    contactExternalId: message.chat.id,
    ...(text !== undefined ? { text } : {}),
    attachments,
  };
}
