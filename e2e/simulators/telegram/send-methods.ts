/** sendMessage and the media send methods, recorded for tests and answered with the Message. */
import { tgErrors } from './bot-errors';
import type { SimulatorContext } from './context';
import { optionalString, type Params } from './params';
import { captionText, checkRateLimit, messageText, repliedMessage, replyMarkup, targetChat } from './send-checks';
import type { Bot, Chat, SentRecord } from './types';
import type { MethodResult } from './webhook-methods';
import { botUserJson, chatJson, nowSeconds } from './wire';

/** Media methods → their file parameter, and the folder and mime type of what a URL yields. */
const MEDIA: Record<string, { field: string; folder: 'photos' | 'documents' | 'videos' | 'voice'; mime: string }> = {
  sendphoto: { field: 'photo', folder: 'photos', mime: 'image/png' },
  senddocument: { field: 'document', folder: 'documents', mime: 'application/octet-stream' },
  sendvideo: { field: 'video', folder: 'videos', mime: 'video/mp4' },
  sendanimation: { field: 'animation', folder: 'videos', mime: 'video/mp4' },
  sendaudio: { field: 'audio', folder: 'documents', mime: 'audio/mpeg' },
  sendvoice: { field: 'voice', folder: 'voice', mime: 'audio/ogg' },
  sendsticker: { field: 'sticker', folder: 'documents', mime: 'image/webp' },
};
export const SEND_METHODS = new Set(['sendmessage', ...Object.keys(MEDIA)]);

export function sendMessage(ctx: SimulatorContext, bot: Bot, params: Params): MethodResult {
  const chat = targetChat(ctx, bot, params);
  const text = messageText(params);
  return record(ctx, bot, chat, 'sendMessage', params, { text });
}

export function sendMedia(ctx: SimulatorContext, bot: Bot, method: string, params: Params): MethodResult {
  const spec = MEDIA[method.toLowerCase()];
  const chat = targetChat(ctx, bot, params);
  const value = optionalString(params, spec.field);
  if (!value) throw tgErrors.badRequest(`there is no ${spec.field} in the request`);
  const caption = captionText(params);
  const media = mediaJson(ctx, bot, spec, value);
  return record(ctx, bot, chat, method, params, { [spec.field]: media, ...(caption !== undefined ? { caption } : {}) }, { field: spec.field, value });
}

/** A URL is taken as is (the simulator fetches nothing); a file_id must be one this bot knows. */
function mediaJson(ctx: SimulatorContext, bot: Bot, spec: (typeof MEDIA)[string], value: string): unknown {
  const isUrl = /^https?:\/\//i.test(value);
  if (!isUrl && !ctx.files.get(bot.id, value)) throw tgErrors.badRequest('wrong file identifier/HTTP URL specified');
  if (spec.field === 'photo') return ctx.files.photo(bot.id);
  const name = isUrl ? decodeURIComponent(new URL(value).pathname.split('/').pop() || 'file') : undefined;
  const file = isUrl ? ctx.files.add(bot.id, spec.folder, name!.split('.').pop() ?? 'bin', Buffer.from(`simulated copy of ${value}`), { mimeType: spec.mime }) : ctx.files.get(bot.id, value)!;
  return { file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size, ...(name ? { file_name: name } : {}), mime_type: file.mimeType ?? spec.mime };
}

function record(ctx: SimulatorContext, bot: Bot, chat: Chat, method: string, params: Params, content: Record<string, unknown>, media?: SentRecord['media']): MethodResult {
  const replied = repliedMessage(chat, params);
  const markup = replyMarkup(params);
  checkRateLimit(ctx, bot, chat);
  const messageId = ++chat.lastMessageId;
  const json: Record<string, unknown> = {
    message_id: messageId, from: botUserJson(bot), chat: chatJson(chat, ctx.state.users), date: nowSeconds(), ...content,
    ...(replied ? { reply_to_message: withoutReply(replied.json) } : {}),
    ...(markup ? { reply_markup: markup } : {}),
  };
  chat.messages.push({ messageId, fromBot: true, json });
  const parseMode = optionalString(params, 'parse_mode');
  ctx.state.sent.push({
    seq: ctx.state.nextSeq(), botId: bot.id, method, chatId: chat.id, messageId,
    ...(typeof content.text === 'string' ? { text: content.text } : {}),
    ...(typeof content.caption === 'string' ? { caption: content.caption } : {}),
    ...(parseMode ? { parseMode } : {}), ...(media ? { media } : {}),
    ...(replied ? { replyToMessageId: replied.messageId } : {}),
    params, time: Date.now(),
  });
  return { result: json };
}

/** Telegram nests one level of reply only. */
function withoutReply(json: Record<string, unknown>): Record<string, unknown> {
  const { reply_to_message: _nested, ...rest } = json;
  return rest;
}

export function sendChatAction(ctx: SimulatorContext, bot: Bot, params: Params): MethodResult {
  targetChat(ctx, bot, params);
  if (!optionalString(params, 'action')) throw tgErrors.badRequest('action is empty');
  return { result: true };
}
