/** In-memory state of the fake Messenger platform: pages, customers, both directions of traffic. */
import type { ConversationItem, Customer, FailureSpec, InboundMessage, OutageSpec, Page, SenderActionRecord, SentMessage } from './types';

const key = (pageId: string, psid: string) => `${pageId}:${psid}`;

export class SimulatorState {
  readonly pages = new Map<string, Page>();
  readonly customers = new Map<string, Customer>();
  readonly inbound: InboundMessage[] = [];
  readonly sent: SentMessage[] = [];
  readonly senderActions: SenderActionRecord[] = [];
  private readonly failures = new Map<string, FailureSpec[]>();
  private readonly outages = new Map<string, OutageSpec & { served: number }>();
  private seq = 0;

  nextSeq(): number {
    return ++this.seq;
  }

  pageByToken(accessToken: string): Page | undefined {
    for (const page of this.pages.values()) if (page.accessToken === accessToken) return page;
    return undefined;
  }

  customer(pageId: string, psid: string): Customer | undefined {
    return this.customers.get(key(pageId, psid));
  }

  upsertCustomer(pageId: string, psid: string, patch: Partial<Omit<Customer, 'pageId' | 'psid'>> = {}): Customer {
    const existing = this.customers.get(key(pageId, psid));
    const customer: Customer = existing ?? { pageId, psid, name: `Customer ${psid.slice(-4)}`, lastInboundAt: null, blocked: false };
    for (const [field, value] of Object.entries(patch)) {
      if (value !== undefined) (customer as unknown as Record<string, unknown>)[field] = value;
    }
    this.customers.set(key(pageId, psid), customer);
    return customer;
  }

  customersOf(pageId?: string): Customer[] {
    return [...this.customers.values()].filter((c) => !pageId || c.pageId === pageId);
  }

  sentMessage(messageId: string): SentMessage | undefined {
    return this.sent.find((m) => m.messageId === messageId);
  }

  listSent(filter: { pageId?: string; psid?: string } = {}): SentMessage[] {
    return this.sent.filter((m) => (!filter.pageId || m.pageId === filter.pageId) && (!filter.psid || m.psid === filter.psid));
  }

  /** Both directions for one customer, oldest first (insertion order breaks ties). */
  conversation(pageId: string, psid: string): ConversationItem[] {
    const items: ConversationItem[] = [
      ...this.inbound.filter((m) => m.pageId === pageId && m.psid === psid).map((m) => ({ direction: 'in' as const, ...m })),
      ...this.sent.filter((m) => m.pageId === pageId && m.psid === psid).map((m) => ({ direction: 'out' as const, ...m })),
    ];
    return items.sort((a, b) => a.time - b.time || a.seq - b.seq);
  }

  queueFailure(pageId: string, spec: FailureSpec): void {
    const queue = this.failures.get(pageId) ?? [];
    for (let i = 0; i < (spec.times ?? 1); i++) queue.push(spec);
    this.failures.set(pageId, queue);
  }

  startOutage(pageId: string, outage: OutageSpec): void {
    this.outages.set(pageId, { ...outage, served: 0 });
  }

  /** A queued one-off failure first; otherwise the page's outage response while it lasts. */
  takeFailure(pageId: string, now = Date.now()): FailureSpec | undefined {
    const queued = this.failures.get(pageId)?.shift();
    if (queued) return queued;
    const outage = this.outages.get(pageId);
    if (!outage) return undefined;
    if (now >= outage.until) {
      this.outages.delete(pageId);
      return undefined;
    }
    return outage.responses[outage.served++ % outage.responses.length];
  }

  reset(keepPages = false): void {
    if (!keepPages) this.pages.clear();
    this.customers.clear();
    this.failures.clear();
    this.outages.clear();
    this.inbound.length = 0;
    this.sent.length = 0;
    this.senderActions.length = 0;
  }
}
