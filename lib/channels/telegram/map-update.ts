import { MalformedPayloadError, type NormalizedEvent } from '../types';
import { chatContact, chatReference, messageExternalId } from './contact';
import { mapEditedMessage, mapMessage } from './map-message';
import {
  callbackQuerySchema, chatMemberUpdatedSchema, messageSchema,
  type WireCallbackQuery, type WireChatMemberUpdated,
} from './schemas';
import type { z } from 'zod';

function validate<S extends z.ZodType>(schema: S, value: unknown, kind: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => `${[kind, ...i.path.map(String)].join('.')}: ${i.message}`).join('; ');
  throw new MalformedPayloadError(`Malformed Telegram ${kind}: ${issues}`);
}

/** Maps the single update field of an Update (`kind` is its key). */
export function mapUpdate(kind: string, value: unknown, dedupeKey: string): NormalizedEvent {
  switch (kind) {
    case 'message':
      return mapMessage(validate(messageSchema, value, kind), dedupeKey);
    case 'edited_message':
      return mapEditedMessage(validate(messageSchema, value, kind), dedupeKey);
    case 'callback_query':
      return mapCallbackQuery(validate(callbackQuerySchema, value, kind), dedupeKey);
    case 'my_chat_member':
      return mapMyChatMember(validate(chatMemberUpdatedSchema, value, kind), dedupeKey);
    default:
      return mapUnsupported(kind, value, dedupeKey);
  }
}

/** The label of the pressed button, found by its callback_data on the message that carried it. */
function buttonText(query: WireCallbackQuery): string | undefined {
  const rows = query.message?.reply_markup?.inline_keyboard ?? [];
  return rows.flat().find((button) => button.callback_data !== undefined && button.callback_data === query.data)?.text;
}

/**
 * A button press. It carries no date, so the time is when we parsed it; the dedupe key
 * (update_id) stays stable across redeliveries. Must be answered (afterIngest) or the
 * customer's client shows a spinner.
 */
function mapCallbackQuery(query: WireCallbackQuery, dedupeKey: string): NormalizedEvent {
  const payload = query.data ?? query.game_short_name ?? '';
  const title = buttonText(query);
  const chat = query.message?.chat;
  // Buttons on inline-mode messages have no chat: the presser's private chat has their user id.
  const contact = chat ? chatContact(chat, query.from) : chatContact({ id: query.from.id, type: 'private' }, query.from);
  return {
    type: 'message', dedupeKey, timestamp: new Date(),
    externalId: `cb:${query.id}`,
    contact,
    text: title ?? payload,
    attachments: [],
    postback: { payload, callbackId: query.id, ...(title !== undefined ? { title } : {}) },
    ...(query.message ? { replyToExternalId: messageExternalId(query.message.chat.id, query.message.message_id) } : {}),
    reference: chatReference(chat ?? { id: query.from.id, type: 'private' }),
  };
}

/** Statuses in which the bot can still write to the chat. */
const REACHABLE = new Set(['member', 'administrator', 'creator']);
const GONE = new Set(['kicked', 'left']);

/**
 * The bot's own membership changed. In a private chat `kicked` means the user blocked the bot and
 * `member` that they unblocked or started it; in groups `kicked`/`left` mean the bot was removed.
 */
function mapMyChatMember(update: WireChatMemberUpdated, dedupeKey: string): NormalizedEvent {
  const status = update.new_chat_member.status;
  const restrictedMember = status === 'restricted' ? update.new_chat_member.is_member : undefined;
  const reachable = REACHABLE.has(status) || restrictedMember === true;
  const gone = GONE.has(status) || restrictedMember === false;
  const timestamp = new Date(update.date * 1000);
  if (!reachable && !gone) {
    return { type: 'unsupported', dedupeKey, timestamp, contactExternalId: update.chat.id, description: `Telegram bot status "${status}" (not handled)` };
  }
  return {
    type: 'contact_state', dedupeKey, timestamp,
    contactExternalId: update.chat.id,
    state: reachable ? 'unblocked' : 'blocked',
    contact: chatContact(update.chat, update.from),
    reference: chatReference(update.chat),
  };
}

/** channel_post, chat_member, message_reaction, inline_query...: stored, not modelled. */
function mapUnsupported(kind: string, value: unknown, dedupeKey: string): NormalizedEvent {
  const v = (value && typeof value === 'object' ? value : {}) as { chat?: { id?: unknown }; date?: unknown };
  const chatId = typeof v.chat?.id === 'string' ? v.chat.id : undefined;
  const date = typeof v.date === 'number' && Number.isFinite(v.date) ? new Date(v.date * 1000) : new Date();
  return {
    type: 'unsupported', dedupeKey, timestamp: date,
    ...(chatId !== undefined ? { contactExternalId: chatId } : {}),
    description: `Telegram "${kind}" update (not handled)`,
  };
}
