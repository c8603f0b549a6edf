/** Users write to a bot: messages (text, photo, document, voice, location) and edits of them. */
import type { z } from 'zod';
import { HttpError } from '../http';
import type { SimulatorContext } from './context';
import type { userEditSchema, userSchema, userSendSchema } from './control-schemas';
import { detectEntities, entitiesProblem, type MessageEntity } from './entities';
import { MAX_DOWNLOAD_BYTES, voiceBytes } from './files';
import { newGroupId, newSupergroupId, newUserId } from './ids';
import { findMessage, knownChat, resolveBot } from './lookup';
import type { Bot, Chat, SimUser } from './types';
import { setBlocked } from './user-events';
import { chatJson, nowSeconds, userJson } from './wire';

export interface UserSendResult {
  chatId: number;
  messageId: number;
  /** null when the bot's allowed_updates filter the update out. */
  updateId: number | null;
  message: Record<string, unknown>;
}

function upsertUser(ctx: SimulatorContext, input: z.output<typeof userSchema>): SimUser {
  const id = input.id ?? newUserId();
  const user: SimUser = { ...ctx.state.users.get(id), ...input, id };
  ctx.state.users.set(id, user);
  return user;
}

/** The private chat (id = user id) or the group, created on first use. */
function chatFor(ctx: SimulatorContext, bot: Bot, user: SimUser, group: z.output<typeof userSendSchema>['group']): Chat {
  const id = group ? (group.id ?? (group.type === 'group' ? newGroupId() : newSupergroupId())) : user.id;
  const existing = ctx.state.chat(bot.id, id);
  if (existing?.migratedTo !== undefined) throw new HttpError(409, { error: `group ${id} was upgraded to supergroup ${existing.migratedTo}: write there` });
  // Writing to a bot you blocked unblocks it first, as the Telegram apps do ("Restart").
  if (existing?.blocked && existing.type === 'private') setBlocked(ctx, bot, existing, false);
  if (existing?.blocked) throw new HttpError(409, { error: `the bot is not a member of group ${id} any more` });
  if (existing) return existing;
  const base = { botId: bot.id, id, blocked: false, lastMessageId: 0, messages: [] };
  return ctx.state.addChat(group ? { ...base, type: group.type, title: group.title } : { ...base, type: 'private', userId: user.id });
}

function withEntities(text: string, given: MessageEntity[] | undefined, key: 'entities' | 'caption_entities'): Record<string, unknown> {
  const problem = given && entitiesProblem(text, given);
  if (problem) throw new HttpError(400, { error: problem });
  const entities = given ?? detectEntities(text);
  return entities.length ? { [key]: entities } : {};
}

function content(ctx: SimulatorContext, bot: Bot, m: z.output<typeof userSendSchema>): Record<string, unknown> {
  const caption = m.caption !== undefined ? { caption: m.caption, ...withEntities(m.caption, undefined, 'caption_entities') } : {};
  if (m.text !== undefined) return { text: m.text, ...withEntities(m.text, m.entities, 'entities') };
  if (m.photo) return { photo: ctx.files.photo(bot.id), ...caption };
  if (m.document) {
    const { fileName, mimeType, content: body, sizeBytes } = m.document;
    const bytes = sizeBytes !== undefined && sizeBytes > MAX_DOWNLOAD_BYTES ? null : Buffer.from(body ?? `simulated file ${fileName}\n`);
    const file = ctx.files.add(bot.id, 'documents', fileName.split('.').pop() ?? 'bin', bytes, { size: sizeBytes, mimeType });
    return { document: { file_name: fileName, mime_type: mimeType, file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size }, ...caption };
  }
  if (m.voice) {
    const file = ctx.files.add(bot.id, 'voice', 'oga', voiceBytes(m.voice.durationSeconds), { mimeType: 'audio/ogg' });
    return { voice: { duration: m.voice.durationSeconds, mime_type: 'audio/ogg', file_id: file.fileId, file_unique_id: file.fileUniqueId, file_size: file.size }, ...caption };
  }
  return { location: m.location };
}

export function userSends(ctx: SimulatorContext, m: z.output<typeof userSendSchema>): UserSendResult {
  const bot = resolveBot(ctx, m.bot);
  const user = upsertUser(ctx, m.from);
  const chat = chatFor(ctx, bot, user, m.group);
  const replied = m.replyToMessageId === undefined ? undefined : findMessage(chat, m.replyToMessageId);
  const messageId = ++chat.lastMessageId;
  const json: Record<string, unknown> = {
    message_id: messageId, from: userJson(user), chat: chatJson(chat, ctx.state.users), date: nowSeconds(),
    // Telegram nests one level of replies only.
    ...(replied ? { reply_to_message: { ...replied.json, reply_to_message: undefined } } : {}),
    ...content(ctx, bot, m),
  };
  chat.messages.push({ messageId, fromBot: false, userId: user.id, json });
  const update = ctx.delivery.emit(bot, 'message', json);
  return { chatId: chat.id, messageId, updateId: update?.updateId ?? null, message: json };
}

/** The same message_id with new text and an edit_date: an edit, never a new message. */
export function userEdits(ctx: SimulatorContext, e: z.output<typeof userEditSchema>): { updateId: number | null; message: Record<string, unknown> } {
  const bot = resolveBot(ctx, e.bot);
  const message = findMessage(knownChat(ctx, bot, e.chatId), e.messageId);
  if (message.fromBot) throw new HttpError(400, { error: 'users can only edit their own messages' });
  const { entities: _e, caption_entities: _c, ...rest } = message.json;
  const field = 'caption' in rest ? 'caption' : 'text';
  if (field === 'text' && !('text' in rest)) throw new HttpError(400, { error: 'this message has no text or caption to edit' });
  message.json = { ...rest, [field]: e.text, ...withEntities(e.text, e.entities, field === 'text' ? 'entities' : 'caption_entities'), edit_date: nowSeconds() };
  const update = ctx.delivery.emit(bot, 'edited_message', message.json);
  return { updateId: update?.updateId ?? null, message: message.json };
}
