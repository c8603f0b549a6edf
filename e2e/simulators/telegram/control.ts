/** The simulator's control operations as typed methods; /_sim/ HTTP routes call the same methods. */
import type { z } from 'zod';
import { HttpError } from '../http';
import { waitFor } from '../messenger/timers';
import type { SimulatorContext } from './context';
import * as schemas from './control-schemas';
import { parseInput } from './control-schemas';
import { newBotId } from './ids';
import { knownChat, resolveBot } from './lookup';
import type { Bot, CallbackRecord, Chat, SentRecord, WebhookAttempt } from './types';
import { migrateGroup, pressButton, setBlocked } from './user-events';
import { userEdits, userSends, type UserSendResult } from './user-messages';

type In<S extends z.ZodType> = z.input<S>;
export interface BotView { id: number; username: string; firstName: string; token: string; webhookUrl: string | null; pendingUpdateCount: number; lastErrorMessage?: string }
export interface ChatView { id: number; type: Chat['type']; title?: string; userId?: number; name?: string; blocked: boolean; migratedTo?: number; messageCount: number }
export interface ConversationItem { direction: 'in' | 'out'; messageId: number; message: Record<string, any> }

const botView = (b: Bot): BotView => ({
  id: b.id, username: b.username, firstName: b.firstName, token: b.token, webhookUrl: b.webhook?.url ?? null,
  pendingUpdateCount: b.pending.length, ...(b.lastErrorMessage ? { lastErrorMessage: b.lastErrorMessage } : {}),
});

export class TelegramControl {
  constructor(protected readonly ctx: SimulatorContext) {}

  /** Registers a bot as @BotFather would; its id is the number before the token's colon. */
  registerBot(input: In<typeof schemas.registerBotSchema>): BotView {
    const p = parseInput(schemas.registerBotSchema, input);
    const id = Number(p.token.split(':')[0]) || newBotId();
    const clash = [...this.ctx.state.bots.values()].find((b) => b.id !== id && (b.token === p.token || b.username.toLowerCase() === p.username.toLowerCase()));
    if (clash) throw new HttpError(400, { error: `token or username already used by bot ${clash.id}` });
    const existing = this.ctx.state.bots.get(id);
    const bot: Bot = existing
      ? Object.assign(existing, { token: p.token, username: p.username, firstName: p.firstName })
      : { id, ...p, webhook: null, allowedUpdates: null, lastUpdateId: 100_000_000 + Math.floor(Math.random() * 800_000_000), pending: [] };
    this.ctx.state.bots.set(id, bot);
    return botView(bot);
  }

  bots(): BotView[] {
    return [...this.ctx.state.bots.values()].map(botView);
  }

  userSends(input: In<typeof schemas.userSendSchema>): UserSendResult {
    return userSends(this.ctx, parseInput(schemas.userSendSchema, input));
  }

  userEdits(input: In<typeof schemas.userEditSchema>) {
    return userEdits(this.ctx, parseInput(schemas.userEditSchema, input));
  }

  pressButton(input: In<typeof schemas.pressSchema>) {
    return pressButton(this.ctx, parseInput(schemas.pressSchema, input));
  }

  /** Private chat: the user blocks/unblocks the bot. Group: the bot is removed/added back. */
  setBlocked(input: In<typeof schemas.blockSchema>): { updateId: number | null } {
    const p = parseInput(schemas.blockSchema, input);
    const bot = resolveBot(this.ctx, p.bot);
    return setBlocked(this.ctx, bot, knownChat(this.ctx, bot, p.chatId), p.blocked);
  }

  migrateGroup(input: In<typeof schemas.migrateSchema>) {
    return migrateGroup(this.ctx, parseInput(schemas.migrateSchema, input));
  }

  /** The bot's next matching call(s) fail with exactly this error (and/or answer after delayMs). */
  failNext(input: In<typeof schemas.failNextSchema>): void {
    const { bot, ...spec } = parseInput(schemas.failNextSchema, input);
    this.ctx.state.queueFailure(resolveBot(this.ctx, bot).id, spec);
  }

  /** What the app sent (successful send method calls), oldest first. */
  sent(filter: { bot?: string; chatId?: number } = {}): SentRecord[] {
    const botId = filter.bot === undefined ? undefined : resolveBot(this.ctx, filter.bot).id;
    return this.ctx.state.listSent({ botId, chatId: filter.chatId });
  }

  /** Button presses and whether (and how) the app answered them. */
  callbacks(filter: { bot?: string } = {}): CallbackRecord[] {
    const botId = filter.bot === undefined ? undefined : resolveBot(this.ctx, filter.bot).id;
    return this.ctx.state.callbacks.filter((c) => botId === undefined || c.botId === botId);
  }

  webhookLog(filter: { bot?: string; updateId?: number } = {}): WebhookAttempt[] {
    const botId = filter.bot === undefined ? undefined : resolveBot(this.ctx, filter.bot).id;
    return this.ctx.log.list({ botId, updateId: filter.updateId });
  }

  chats(filter: { bot?: string } = {}): ChatView[] {
    const botId = filter.bot === undefined ? undefined : resolveBot(this.ctx, filter.bot).id;
    const users = this.ctx.state.users;
    return this.ctx.state.chatsOf(botId).map((c) => ({
      id: c.id, type: c.type, ...(c.title ? { title: c.title } : {}), ...(c.userId ? { userId: c.userId } : {}),
      ...(c.userId && users.get(c.userId) ? { name: [users.get(c.userId)!.firstName, users.get(c.userId)!.lastName].filter(Boolean).join(' ') } : {}),
      blocked: c.blocked, ...(c.migratedTo ? { migratedTo: c.migratedTo } : {}), messageCount: c.messages.length,
    }));
  }

  /** Both directions of one chat, in message_id order, as Telegram shows the messages. */
  conversation(chatId: number, bot?: string): ConversationItem[] {
    const chat = knownChat(this.ctx, resolveBot(this.ctx, bot), chatId);
    return chat.messages.map((m) => ({ direction: m.fromBot ? 'out' : 'in', messageId: m.messageId, message: m.json }));
  }

  /** Forgets traffic, chats and users (and bots unless keepBots); cancels deliveries and retries. */
  reset(options: In<typeof schemas.resetSchema> = {}): void {
    const { keepBots } = parseInput(schemas.resetSchema, options);
    this.ctx.delivery.cancel();
    this.ctx.limiter.reset();
    this.ctx.log.clear();
    this.ctx.files.clear();
    this.ctx.state.reset(keepBots);
  }

  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    return waitFor(probe, timeoutMs);
  }

  waitForSent(filter: { bot?: string; chatId?: number; count?: number } = {}, timeoutMs = 5000): Promise<SentRecord[]> {
    const { count = 1, ...where } = filter;
    return waitFor(() => { const sent = this.sent(where); return sent.length >= count && sent; }, timeoutMs, `${count} sent message(s)`);
  }

  /** Resolves with the attempt that delivered this update (2xx), or rejects after timeoutMs. */
  waitForDelivery(updateId: number, timeoutMs = 5000): Promise<WebhookAttempt> {
    const delivered = () => this.ctx.log.list({ updateId }).find((a) => a.status !== null && a.status >= 200 && a.status < 300);
    return waitFor(delivered, timeoutMs, `delivery of update ${updateId}`);
  }

  /** Resolves when no bot with a webhook has undelivered updates and nothing is in flight. */
  webhooksIdle(timeoutMs = 30_000): Promise<true> {
    const idle = () => !this.ctx.delivery.busy && [...this.ctx.state.bots.values()].every((b) => !b.webhook || b.pending.length === 0);
    return waitFor(() => idle() || undefined, timeoutMs, 'webhooks idle') as Promise<true>;
  }
}
