/** The simulator's control operations as typed methods; /_sim/ HTTP routes call the same methods. */
import type { z } from 'zod';
import { HttpError } from '../http';
import { verifyWebhook, type HandshakeResult } from '../messenger/handshake';
import { waitFor } from '../messenger/timers';
import type { SimulatorContext } from './context';
import * as schemas from './control-schemas';
import { parseInput } from './control-schemas';
import { type CustomerSendInput, type CustomerSendResult, customerSends, registeredAccount } from './customer-sends';
import type { StatusScenario } from './options';
import type { Account, Customer, FailureSpec, InboundMessage, SentMessage, WebhookAttempt } from './types';
import type { AttemptResult } from './webhook-sender';

export type RegisterAccountInput = z.input<typeof schemas.registerAccountSchema>;
export type RegisterAccountResult = { account: Account } & Partial<Omit<HandshakeResult, 'verified'>> & { verified: boolean | null };
export type CustomerStateInput = z.input<typeof schemas.customerStateSchema>;
export type ConversationItem = ({ direction: 'in' } & InboundMessage) | ({ direction: 'out' } & SentMessage);

export class WhatsAppControl {
  constructor(protected readonly ctx: SimulatorContext) {}

  /** Registers (or updates) a number. Cloud: runs Meta's hub.challenge handshake when a webhook URL is given. */
  async registerAccount(input: RegisterAccountInput): Promise<RegisterAccountResult> {
    const p = parseInput(schemas.registerAccountSchema, input);
    const account: Account = {
      ...p, webhookHeaders: p.webhookHeaders ?? {}, tokenExpired: false, verified: null,
    };
    this.ctx.state.accounts.set(account.phoneNumberId, account);
    if (account.mode === '360' || !account.webhookUrl) return { account, verified: null };
    const result = await verifyWebhook(account.webhookUrl, account.verifyToken ?? '');
    account.verified = result.verified;
    return { account, ...result };
  }

  accounts(): Account[] {
    return [...this.ctx.state.accounts.values()];
  }

  customers(phoneNumberId?: string): Customer[] {
    return this.ctx.state.customersOf(phoneNumberId);
  }

  customerSends(input: CustomerSendInput): Promise<CustomerSendResult> {
    return customerSends(this.ctx, parseInput(schemas.customerSendSchema, input));
  }

  /** Moves the last inbound message back in time (closes the window) or marks a number "not on WhatsApp". */
  setCustomer(input: CustomerStateInput): Customer {
    const p = parseInput(schemas.customerStateSchema, input);
    registeredAccount(this.ctx, p.phoneNumberId);
    const lastInboundAt = p.lastInboundHoursAgo === undefined ? undefined : this.ctx.now() - p.lastInboundHoursAgo * 3_600_000;
    return this.ctx.state.upsertCustomer(p.phoneNumberId, { waId: p.waId, userId: p.userId }, { name: p.name, notOnWhatsApp: p.notOnWhatsApp, lastInboundAt });
  }

  /** What the app sent, oldest first. */
  sent(filter: { phoneNumberId?: string; to?: string } = {}): SentMessage[] {
    return this.ctx.state.listSent(filter);
  }

  conversation(phoneNumberId: string, customer: string): ConversationItem[] {
    const c = this.ctx.state.customer(phoneNumberId, customer);
    const address = c?.address ?? customer;
    const items: ConversationItem[] = [
      ...this.ctx.state.inbound.filter((m) => m.phoneNumberId === phoneNumberId && m.customer === address).map((m) => ({ direction: 'in' as const, ...m })),
      ...this.ctx.state.sent.filter((m) => m.phoneNumberId === phoneNumberId && m.to === address).map((m) => ({ direction: 'out' as const, ...m })),
    ];
    return items.sort((a, b) => a.time - b.time || a.seq - b.seq);
  }

  webhookLog(filter: { phoneNumberId?: string; eventId?: string } = {}): WebhookAttempt[] {
    return this.ctx.log.list(filter);
  }

  /** Delivers the exact bytes of an earlier delivery again (a duplicate, as WhatsApp sends them). */
  async redeliver(deliveryId: string): Promise<AttemptResult> {
    const { deliveryId: id } = parseInput(schemas.redeliverSchema, { deliveryId });
    const result = await this.ctx.sender.redeliver(id);
    if (!result) throw new HttpError(404, { error: `unknown delivery ${id} (too old, or never made)` });
    return result;
  }

  /** The number's next send(s) fail with this code: synchronously (HTTP error) or, with async, as a failed status. */
  failNext(phoneNumberId: string, spec: FailureSpec): void {
    const { phoneNumberId: id, ...failure } = parseInput(schemas.failNextSchema, { phoneNumberId, ...spec });
    registeredAccount(this.ctx, id);
    this.ctx.state.queueFailure(id, failure);
  }

  /** Fixes which statuses follow a send, for one number or (without phoneNumberId) every number. */
  setStatusScenario(scenario: StatusScenario | 'random', phoneNumberId?: string): void {
    const p = parseInput(schemas.statusScenarioSchema, { scenario, phoneNumberId });
    const targets = p.phoneNumberId ? [registeredAccount(this.ctx, p.phoneNumberId)] : this.accounts();
    for (const account of targets) account.statusScenario = p.scenario;
  }

  /** Makes the number's token (Cloud) or API key (360) fail: 190 / 401. */
  expireToken(phoneNumberId: string, expired = true): void {
    const p = parseInput(schemas.expireTokenSchema, { phoneNumberId, expired });
    registeredAccount(this.ctx, p.phoneNumberId).tokenExpired = p.expired;
  }

  /** Forgets traffic (and numbers unless keepAccounts), cancels pending statuses and retries. */
  reset(options: { keepAccounts?: boolean } = {}): void {
    const { keepAccounts } = parseInput(schemas.resetSchema, options);
    this.ctx.timers.clear();
    this.ctx.sender.cancelPending();
    this.ctx.pairLimit.reset();
    this.ctx.globalLimit.reset();
    this.ctx.log.clear();
    this.ctx.state.reset(keepAccounts);
  }

  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    return waitFor(probe, timeoutMs);
  }

  waitForSent(filter: { phoneNumberId?: string; to?: string; count?: number } = {}, timeoutMs = 5000): Promise<SentMessage[]> {
    const { count = 1, ...where } = filter;
    return waitFor(() => { const s = this.sent(where); return s.length >= count && s; }, timeoutMs, `${count} sent message(s)`);
  }

  waitForWebhook(predicate: (a: WebhookAttempt) => boolean, timeoutMs = 5000): Promise<WebhookAttempt> {
    return waitFor(() => this.ctx.log.list().find(predicate), timeoutMs, 'webhook attempt');
  }

  /** Resolves when no status is scheduled and no webhook is in flight or waiting for a retry. */
  async webhooksIdle(): Promise<void> {
    await waitFor(() => this.ctx.timers.pending === 0, 60_000, 'statuses scheduled');
    await this.ctx.sender.idle();
  }
}
