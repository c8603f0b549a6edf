import { z } from 'zod';
import { ConnectorError, type AttachmentKind, type OutboundMessage, type SendContext, type SendResult } from '../types';
import { callBotApi } from './bot-api';
import type { TelegramConfig } from './config';
import { messageExternalId } from './contact';
import { botApiErrorToConnectorError, unreachableToConnectorError } from './errors';

export const MAX_TEXT_LENGTH = 4096;
export const MAX_CAPTION_LENGTH = 1024;

interface Part {
  method: string;
  params: Record<string, unknown>;
}

/**
 * Media by URL. sendDocument only fetches GIF, PDF and ZIP URLs, so videos and audio use their own
 * methods; stickers from an agent are plain files.
 */
const MEDIA: Record<Exclude<AttachmentKind, 'link'>, [method: string, field: string]> = {
  image: ['sendPhoto', 'photo'],
  video: ['sendVideo', 'video'],
  audio: ['sendAudio', 'audio'],
  file: ['sendDocument', 'document'],
  sticker: ['sendDocument', 'document'],
};

/**
 * Plain text only: no parse_mode is ever sent, so what an agent types ("<b>", "*", "_") reaches
 * the customer verbatim and can never fail with "can't parse entities". Text that fits a caption
 * (≤ 1024) rides on the first attachment, like a Telegram user would send it.
 */
export function toParts(message: OutboundMessage): Part[] {
  if (message.template) throw new ConnectorError('invalid_request', 'Telegram has no message templates (and no reply window): send a normal message');
  const text = message.text !== undefined && message.text.trim() !== '' ? message.text : undefined;
  // JS length counts UTF-16 code units, as Telegram does.
  if (text !== undefined && text.length > MAX_TEXT_LENGTH) {
    throw new ConnectorError('invalid_request', `Telegram messages are limited to ${MAX_TEXT_LENGTH} characters; this one has ${text.length}`);
  }
  const attachments = message.attachments ?? [];
  const media = attachments.filter((a) => a.kind !== 'link');
  const captioned = text !== undefined && media.length > 0 && text.length <= MAX_CAPTION_LENGTH;
  const parts: Part[] = [];
  if (text !== undefined && !captioned) parts.push({ method: 'sendMessage', params: { text } });
  media.forEach((attachment, index) => {
    const [method, field] = MEDIA[attachment.kind as Exclude<AttachmentKind, 'link'>];
    parts.push({ method, params: { [field]: attachment.url, ...(index === 0 && captioned ? { caption: text } : {}) } });
  });
  for (const link of attachments.filter((a) => a.kind === 'link')) parts.push({ method: 'sendMessage', params: { text: link.url } });
  if (parts.length === 0) throw new ConnectorError('invalid_request', 'The message has no text or attachment to send');
  return parts;
}

/** Replies quote `${chat}:${message_id}` ids of the same chat; a deleted original must not fail the send. */
function replyParameters(replyTo: string | undefined, chatId: string): Record<string, unknown> | undefined {
  const match = replyTo?.match(/^(-?\d+):(\d+)$/);
  if (!match || match[1] !== chatId) return undefined;
  return { message_id: Number(match[2]), allow_sending_without_reply: true };
}

const sentSchema = z.looseObject({ message_id: z.string(), chat: z.looseObject({ id: z.string() }) });

/**
 * sendMessage / sendPhoto / ... one call per part (PROTOCOLS.md 5e). When a group was upgraded
 * to a supergroup, Telegram answers 400 with migrate_to_chat_id: the part is re-sent once to the
 * new chat, and the new id is returned as contactExternalId for the app to store.
 */
export async function sendTelegramMessage(ctx: SendContext<TelegramConfig>, message: OutboundMessage): Promise<SendResult> {
  const parts = toParts(message);
  let chatId = ctx.contactExternalId;
  let migratedTo: string | undefined;
  const ids: string[] = [];
  for (const [index, part] of parts.entries()) {
    const reply = index === 0 ? replyParameters(message.replyToExternalId, chatId) : undefined;
    let answer = await callBotApi(ctx.fetch, ctx.config, part.method, { chat_id: chatId, ...part.params, ...(reply ? { reply_parameters: reply } : {}) });
    if (answer.kind === 'error' && answer.migrateToChatId && migratedTo === undefined) {
      // The quoted message belongs to the old group, so the retry does not quote it.
      chatId = migratedTo = answer.migrateToChatId;
      answer = await callBotApi(ctx.fetch, ctx.config, part.method, { chat_id: chatId, ...part.params });
    }
    let failure: ConnectorError | undefined;
    if (answer.kind === 'unreachable') failure = unreachableToConnectorError(answer.reason);
    else if (answer.kind === 'error') failure = botApiErrorToConnectorError(answer);
    if (failure) {
      if (index === 0) throw failure;
      // Earlier parts already went out: an automatic retry would send them twice.
      throw new ConnectorError('provider', `Part ${index + 1} of ${parts.length} was not sent: ${failure.message}`, { retryable: false, code: failure.code });
    }
    const sent = sentSchema.safeParse(answer.kind === 'ok' ? answer.result : undefined);
    if (!sent.success) {
      throw new ConnectorError('provider', 'Telegram accepted the message but returned no message id', { retryable: false });
    }
    ids.push(messageExternalId(sent.data.chat.id, sent.data.message_id));
  }
  return { externalId: ids[0], externalIds: ids, ...(migratedTo !== undefined ? { contactExternalId: migratedTo } : {}) };
}
