/** The simulator's control operations as typed methods; /_sim/ HTTP routes call the same methods. */
import type { z } from 'zod';
import { HttpError } from '../http';
import type { SimulatorContext } from './context';
import * as schemas from './control-schemas';
import { parseInput } from './control-schemas';
import { type CustomerSendInput, type CustomerSendResult, customerSends, pageInboxReply, registeredPage } from './customer-sends';
import { verifyWebhook, type HandshakeResult } from './handshake';
import type { ReceiptSettings } from './options';
import { waitFor } from './timers';
import type { ConversationItem, Customer, FailureSpec, Page, SenderActionRecord, SentMessage, WebhookAttempt } from './types';

export type AddPageInput = z.input<typeof schemas.addPageSchema>;
export type AddPageResult = { page: Page } & Omit<HandshakeResult, 'challenge'> & { challenge?: string };
export interface TrafficFilter {
  pageId?: string;
  psid?: string;
}

export class MessengerControl {
  constructor(protected readonly ctx: SimulatorContext) {}

  get appId(): string {
    return this.ctx.options.appId;
  }

  /** Registers (or updates) a page, then performs Meta's "Verify and save" handshake if it has a webhook URL. */
  async addPage(input: AddPageInput): Promise<AddPageResult> {
    const p = parseInput(schemas.addPageSchema, input);
    const clash = this.ctx.state.pageByToken(p.accessToken);
    if (clash && clash.pageId !== p.pageId) throw badInput(`accessToken is already used by page ${clash.pageId}`);
    const page: Page = { ...p, receipts: p.receipts ?? {}, tokenExpired: false, verified: null };
    this.ctx.state.pages.set(page.pageId, page);
    if (!page.webhookUrl) return { page, verified: false, status: null, body: '' };
    const result = await verifyWebhook(page.webhookUrl, page.verifyToken ?? '');
    page.verified = result.verified;
    return { page, ...result };
  }

  pages(): Page[] {
    return [...this.ctx.state.pages.values()];
  }

  customers(pageId?: string): Customer[] {
    return this.ctx.state.customersOf(pageId);
  }

  customerSends(input: CustomerSendInput): Promise<CustomerSendResult> {
    return customerSends(this.ctx, parseInput(schemas.customerSendSchema, input));
  }

  /** An agent replies from Meta's own Page Inbox: only an echo arrives, with app_id 263902037430900. */
  pageInboxReply(input: z.input<typeof schemas.pageInboxReplySchema>) {
    return pageInboxReply(this.ctx, parseInput(schemas.pageInboxReplySchema, input));
  }

  /** What the app sent through the Send API (and Page Inbox replies), oldest first. */
  sent(filter: TrafficFilter = {}): SentMessage[] {
    return this.ctx.state.listSent(filter);
  }

  senderActions(filter: TrafficFilter = {}): SenderActionRecord[] {
    return this.ctx.state.senderActions.filter((a) => (!filter.pageId || a.pageId === filter.pageId) && (!filter.psid || a.psid === filter.psid));
  }

  webhookLog(filter: { pageId?: string; eventId?: string } = {}): WebhookAttempt[] {
    return this.ctx.log.list(filter);
  }

  conversation(pageId: string, psid: string): ConversationItem[] {
    return this.ctx.state.conversation(pageId, psid);
  }

  blockCustomer(pageId: string, psid: string, blocked = true): void {
    const p = parseInput(schemas.blockSchema, { pageId, psid, blocked });
    this.ctx.state.upsertCustomer(p.pageId, p.psid, { blocked: p.blocked });
  }

  expireToken(pageId: string, expired = true): void {
    const p = parseInput(schemas.expireTokenSchema, { pageId, expired });
    registeredPage(this.ctx, p.pageId).tokenExpired = p.expired;
  }

  /** The page's next Send API call(s) fail with exactly this Graph error (and/or respond after delayMs). */
  failNext(pageId: string, spec: FailureSpec): void {
    const { pageId: id, ...failure } = parseInput(schemas.failNextSchema, { pageId, ...spec });
    registeredPage(this.ctx, id);
    this.ctx.state.queueFailure(id, failure);
  }

  /** Every Send API call of the page fails for durationMs, cycling through the given responses. */
  outage(input: z.input<typeof schemas.outageSchema>): { until: number } {
    const { pageId, durationMs, responses } = parseInput(schemas.outageSchema, input);
    registeredPage(this.ctx, pageId);
    const until = Date.now() + durationMs;
    this.ctx.state.startOutage(pageId, { until, responses });
    return { until };
  }

  /** Moves the customer's last inbound message in time, to open or close the 24 h / 7 day windows. */
  setLastInbound(pageId: string, psid: string, at: Date | number | string): void {
    const when = at instanceof Date ? at.getTime() : at;
    this.setLastInboundFrom(parseInput(schemas.lastInboundSchema, { pageId, psid, at: when }));
  }

  setLastInboundFrom(p: z.output<typeof schemas.lastInboundSchema>): void {
    const time = p.hoursAgo !== undefined ? Date.now() - p.hoursAgo * 3_600_000 : new Date(p.at!).getTime();
    this.ctx.state.upsertCustomer(p.pageId, p.psid, { lastInboundAt: time });
  }

  /** Per-page override of the automatic echo / delivery / read webhooks. */
  setReceipts(pageId: string, settings: Partial<ReceiptSettings>): void {
    const { pageId: id, ...receipts } = parseInput(schemas.setReceiptsSchema, { pageId, ...settings });
    const page = registeredPage(this.ctx, id);
    page.receipts = { ...page.receipts, ...receipts };
  }

  /** Forgets all traffic (and pages unless keepPages), cancels pending receipts and retries. */
  reset(options: { keepPages?: boolean } = {}): void {
    const { keepPages } = parseInput(schemas.resetSchema, options);
    this.ctx.timers.clear();
    this.ctx.sender.cancelPending();
    this.ctx.limiter.reset();
    this.ctx.log.clear();
    this.ctx.state.reset(keepPages);
  }

  waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5000): Promise<T> {
    return waitFor(probe, timeoutMs);
  }

  waitForSent(filter: TrafficFilter & { count?: number } = {}, timeoutMs = 5000): Promise<SentMessage[]> {
    const { count = 1, ...where } = filter;
    const enough = () => {
      const sent = this.sent(where);
      return sent.length >= count && sent;
    };
    return waitFor(enough, timeoutMs, `${count} sent message(s)`);
  }

  waitForWebhook(predicate: (a: WebhookAttempt) => boolean, timeoutMs = 5000): Promise<WebhookAttempt> {
    return waitFor(() => this.ctx.log.list().find(predicate), timeoutMs, 'webhook attempt');
  }

  /** Resolves when no receipt is scheduled and no webhook is in flight or waiting to be retried. */
  async webhooksIdle(): Promise<void> {
    await waitFor(() => this.ctx.timers.pending === 0, 60_000, 'receipts scheduled');
    await this.ctx.sender.idle();
  }
}

function badInput(message: string): HttpError {
  return new HttpError(400, { error: message });
}
