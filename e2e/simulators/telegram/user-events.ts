/** Users press inline buttons, block or unblock the bot; groups get upgraded to supergroups. */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import { HttpError } from '../http';
import type { SimulatorContext } from './context';
import type { migrateSchema, pressSchema } from './control-schemas';
import { newCallbackId, newSupergroupId } from './ids';
import type { Bot, Chat, SimUser } from './types';
import { findMessage, knownChat, resolveBot } from './lookup';
import { botMemberJson, chatJson, nowSeconds, userJson } from './wire';

/** Someone who acts in a chat: its user (private), the given one, or the last person who wrote (groups). */
function actor(ctx: SimulatorContext, chat: Chat, userId?: number): SimUser {
  const id = userId ?? chat.userId ?? [...chat.messages].reverse().find((m) => m.userId !== undefined)?.userId;
  const user = id === undefined ? undefined : ctx.state.users.get(id);
  if (!user) throw new HttpError(400, { error: `say which user acts in chat ${chat.id} (userId)` });
  return user;
}

/** chat_instance is stable per chat (and bot). */
function chatInstance(bot: Bot, chat: Chat): string {
  return createHash('sha256').update(`${bot.id}:${chat.id}`).digest().readBigInt64BE().toString();
}

export function pressButton(ctx: SimulatorContext, p: z.output<typeof pressSchema>): { callbackQueryId: string; updateId: number | null } {
  const bot = resolveBot(ctx, p.bot);
  const chat = knownChat(ctx, bot, p.chatId);
  const message = findMessage(chat, p.messageId);
  const rows = (message.json.reply_markup?.inline_keyboard ?? []) as { text: string; callback_data?: string }[][];
  const button = rows.flat().find((b) => (p.data !== undefined ? b.callback_data === p.data : b.text === p.buttonText));
  if (!message.fromBot || button?.callback_data === undefined) {
    throw new HttpError(400, { error: `message ${p.messageId} has no inline button with ${p.data !== undefined ? `callback_data "${p.data}"` : `text "${p.buttonText}"`}` });
  }
  const user = actor(ctx, chat, p.userId);
  const id = newCallbackId();
  ctx.state.callbacks.push({ botId: bot.id, id, chatId: chat.id, messageId: message.messageId, userId: user.id, data: button.callback_data, pressedAt: Date.now() });
  const update = ctx.delivery.emit(bot, 'callback_query', {
    id, from: userJson(user), message: message.json, chat_instance: chatInstance(bot, chat), data: button.callback_data,
  });
  return { callbackQueryId: id, updateId: update?.updateId ?? null };
}

/**
 * Private chat: the user blocks (kicked) or unblocks (member) the bot. Group: the bot is removed
 * (left) or added back. Emits my_chat_member only when the state really changes.
 */
export function setBlocked(ctx: SimulatorContext, bot: Bot, chat: Chat, blocked: boolean): { updateId: number | null } {
  if (chat.blocked === blocked) return { updateId: null };
  const user = actor(ctx, chat);
  chat.blocked = blocked;
  const gone = chat.type === 'private' ? 'kicked' : 'left';
  const update = ctx.delivery.emit(bot, 'my_chat_member', {
    chat: chatJson(chat, ctx.state.users), from: userJson(user), date: nowSeconds(),
    old_chat_member: botMemberJson(bot, blocked ? 'member' : gone),
    new_chat_member: botMemberJson(bot, blocked ? gone : 'member'),
  });
  return { updateId: update?.updateId ?? null };
}

/**
 * A group becomes a supergroup with a new -100… id. Both chats get a service message, and the old
 * id answers sends with 400 + migrate_to_chat_id from now on.
 */
export function migrateGroup(ctx: SimulatorContext, m: z.output<typeof migrateSchema>): { oldChatId: number; newChatId: number; updateIds: (number | null)[] } {
  const bot = resolveBot(ctx, m.bot);
  const old = knownChat(ctx, bot, m.chatId);
  if (old.type !== 'group' || old.migratedTo !== undefined) throw new HttpError(400, { error: `chat ${old.id} is not a basic group that can be upgraded` });
  const user = actor(ctx, old);
  const next = ctx.state.addChat({ botId: bot.id, id: newSupergroupId(), type: 'supergroup', title: old.title, blocked: false, lastMessageId: 0, messages: [] });
  old.migratedTo = next.id;
  const service = (chat: Chat, field: Record<string, number>) => {
    const json = { message_id: ++chat.lastMessageId, from: userJson(user), chat: chatJson(chat, ctx.state.users), date: nowSeconds(), ...field };
    chat.messages.push({ messageId: json.message_id, fromBot: false, userId: user.id, json });
    return ctx.delivery.emit(bot, 'message', json)?.updateId ?? null;
  };
  const updateIds = [service(old, { migrate_to_chat_id: next.id }), service(next, { migrate_from_chat_id: old.id })];
  return { oldChatId: old.id, newChatId: next.id, updateIds };
}
