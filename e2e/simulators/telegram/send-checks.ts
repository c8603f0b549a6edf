/** The checks every send method makes, with Telegram's own error descriptions. */
import { tgErrors } from './bot-errors';
import type { SimulatorContext } from './context';
import { formatText } from './formatting';
import { chatIdParam, optionalInt, optionalString, type Params } from './params';
import type { Bot, Chat, ChatMessage } from './types';

export const MAX_TEXT = 4096;
export const MAX_CAPTION = 1024;

/** The chat to write to: known to this bot, not migrated, not blocked. */
export function targetChat(ctx: SimulatorContext, bot: Bot, params: Params): Chat {
  const chat = ctx.state.chat(bot.id, chatIdParam(params));
  if (!chat) throw tgErrors.badRequest('chat not found');
  if (chat.migratedTo !== undefined) throw tgErrors.migrated(chat.migratedTo);
  if (chat.blocked) {
    throw tgErrors.forbidden(chat.type === 'private' ? 'bot was blocked by the user' : `bot was kicked from the ${chat.type === 'group' ? 'group' : 'supergroup'} chat`);
  }
  return chat;
}

/** Per-chat and global buckets; only messages that would really go out count. */
export function checkRateLimit(ctx: SimulatorContext, bot: Bot, chat: Chat): void {
  const retryAfter = ctx.limiter.tryAcquire(bot.id, chat.id, chat.type);
  if (retryAfter !== null) throw tgErrors.tooManyRequests(retryAfter);
}

/** The text as shown after parse_mode, within the limit (counted in UTF-16 units after parsing). */
export function formatted(raw: string, parseMode: string | undefined, limit: number, tooLong: string): string {
  const result = formatText(raw, parseMode);
  if (!result.ok) throw tgErrors.badRequest(result.error);
  if (result.plain.length > limit) throw tgErrors.badRequest(tooLong);
  return result.plain;
}

export function messageText(params: Params): string {
  const raw = optionalString(params, 'text');
  if (raw === undefined || raw.trim() === '') throw tgErrors.badRequest('message text is empty');
  const plain = formatted(raw, optionalString(params, 'parse_mode'), MAX_TEXT, 'message is too long');
  if (plain.trim() === '') throw tgErrors.badRequest('message text is empty');
  return plain;
}

export function captionText(params: Params): string | undefined {
  const raw = optionalString(params, 'caption');
  if (raw === undefined || raw === '') return undefined;
  return formatted(raw, optionalString(params, 'parse_mode'), MAX_CAPTION, 'message caption is too long');
}

/** reply_parameters (or the older reply_to_message_id): the quoted message must exist unless allowed not to. */
export function repliedMessage(chat: Chat, params: Params): ChatMessage | undefined {
  const rp = params.reply_parameters as { message_id?: unknown; allow_sending_without_reply?: unknown } | undefined;
  if (rp !== undefined && (typeof rp !== 'object' || rp === null)) throw tgErrors.badRequest('reply_parameters must be an object');
  const id = rp?.message_id !== undefined ? Number(rp.message_id) : optionalInt(params, 'reply_to_message_id');
  if (id === undefined) return undefined;
  const found = chat.messages.find((m) => m.messageId === id);
  const tolerate = rp?.allow_sending_without_reply === true || params.allow_sending_without_reply === true;
  if (!found && !tolerate) throw tgErrors.badRequest('message to be replied not found');
  return found;
}

/** Inline keyboards are what users press later (callback_query); callback_data is 1–64 bytes. */
export function replyMarkup(params: Params): Record<string, unknown> | undefined {
  const markup = params.reply_markup as { inline_keyboard?: unknown } | undefined;
  if (markup === undefined) return undefined;
  if (typeof markup !== 'object' || markup === null) throw tgErrors.badRequest("can't parse reply keyboard markup JSON object");
  if (markup.inline_keyboard === undefined) return markup as Record<string, unknown>;
  const rows = markup.inline_keyboard;
  if (!Array.isArray(rows) || !rows.every(Array.isArray)) throw tgErrors.badRequest('field "inline_keyboard" of the InlineKeyboardMarkup should be an Array of Arrays');
  for (const button of rows.flat() as { text?: unknown; callback_data?: unknown }[]) {
    if (typeof button?.text !== 'string' || button.text === '') throw tgErrors.badRequest('text buttons are unallowed in the inline keyboard');
    if (button.callback_data !== undefined) {
      const bytes = Buffer.byteLength(String(button.callback_data));
      if (bytes < 1 || bytes > 64) throw tgErrors.badRequest('BUTTON_DATA_INVALID');
    }
  }
  return markup as Record<string, unknown>;
}
