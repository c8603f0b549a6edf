/** In-memory state of the fake Telegram: bots, users, chats per bot, and both directions of traffic. */
import type { Bot, CallbackRecord, Chat, FailureSpec, SentRecord, SimUser } from './types';

const chatKey = (botId: number, chatId: number) => `${botId}:${chatId}`;

export class SimulatorState {
  readonly bots = new Map<number, Bot>();
  readonly users = new Map<number, SimUser>();
  readonly chats = new Map<string, Chat>();
  readonly sent: SentRecord[] = [];
  readonly callbacks: CallbackRecord[] = [];
  private readonly failures = new Map<number, FailureSpec[]>();
  private seq = 0;

  nextSeq(): number {
    return ++this.seq;
  }

  botByToken(token: string): Bot | undefined {
    for (const bot of this.bots.values()) if (bot.token === token) return bot;
    return undefined;
  }

  chat(botId: number, chatId: number): Chat | undefined {
    return this.chats.get(chatKey(botId, chatId));
  }

  addChat(chat: Chat): Chat {
    this.chats.set(chatKey(chat.botId, chat.id), chat);
    return chat;
  }

  chatsOf(botId?: number): Chat[] {
    return [...this.chats.values()].filter((c) => botId === undefined || c.botId === botId);
  }

  listSent(filter: { botId?: number; chatId?: number } = {}): SentRecord[] {
    return this.sent.filter((m) => (filter.botId === undefined || m.botId === filter.botId) && (filter.chatId === undefined || m.chatId === filter.chatId));
  }

  queueFailure(botId: number, spec: FailureSpec): void {
    const queue = this.failures.get(botId) ?? [];
    for (let i = 0; i < (spec.times ?? 1); i++) queue.push(spec);
    this.failures.set(botId, queue);
  }

  /** The first queued failure that applies to this method, removed from the queue. */
  takeFailure(botId: number, method: string, isSend: boolean): FailureSpec | undefined {
    const queue = this.failures.get(botId) ?? [];
    const index = queue.findIndex((f) => (f.method ? f.method.toLowerCase() === method.toLowerCase() : isSend));
    return index < 0 ? undefined : queue.splice(index, 1)[0];
  }

  /** Forgets traffic, chats and users; bots stay registered (without webhooks) when keepBots. */
  reset(keepBots: boolean): void {
    if (!keepBots) this.bots.clear();
    for (const bot of this.bots.values()) Object.assign(bot, { webhook: null, allowedUpdates: null, pending: [], lastErrorDate: undefined, lastErrorMessage: undefined });
    this.users.clear();
    this.chats.clear();
    this.failures.clear();
    this.sent.length = 0;
    this.callbacks.length = 0;
  }
}
