/** Finding the bot, chat and message a control call is about (404 with words when missing). */
import { HttpError } from '../http';
import type { SimulatorContext } from './context';
import type { Bot, Chat, ChatMessage } from './types';

export function resolveBot(ctx: SimulatorContext, ref: string | undefined): Bot {
  const bots = [...ctx.state.bots.values()];
  if (ref === undefined) {
    if (bots.length === 1) return bots[0];
    throw new HttpError(400, { error: bots.length ? 'several bots are registered: say which one with "bot"' : 'no bot registered: POST /_sim/bots first' });
  }
  const name = ref.replace(/^@/, '').toLowerCase();
  const bot = bots.find((b) => b.username.toLowerCase() === name || String(b.id) === ref);
  if (!bot) throw new HttpError(404, { error: `unknown bot ${ref}` });
  return bot;
}

export function knownChat(ctx: SimulatorContext, bot: Bot, chatId: number): Chat {
  const chat = ctx.state.chat(bot.id, chatId);
  if (!chat) throw new HttpError(404, { error: `bot @${bot.username} has no chat ${chatId}` });
  return chat;
}

export function findMessage(chat: Chat, messageId: number): ChatMessage {
  const message = chat.messages.find((m) => m.messageId === messageId);
  if (!message) throw new HttpError(404, { error: `chat ${chat.id} has no message ${messageId}` });
  return message;
}
