/** In-memory state of the fake WhatsApp platform: numbers, customers, media and both directions of traffic. */
import type { Account, Customer, FailureSpec, InboundMessage, MediaItem, SentMessage } from './types';

const key = (phoneNumberId: string, address: string) => `${phoneNumberId}:${address}`;

export class SimulatorState {
  readonly accounts = new Map<string, Account>();
  readonly customers = new Map<string, Customer>();
  readonly media = new Map<string, MediaItem>();
  readonly inbound: InboundMessage[] = [];
  readonly sent: SentMessage[] = [];
  private readonly failures = new Map<string, FailureSpec[]>();
  private seq = 0;

  nextSeq(): number {
    return ++this.seq;
  }

  /** One system-user token may serve several numbers (and WABAs), as on Meta. */
  accountsByToken(token: string): Account[] {
    return [...this.accounts.values()].filter((a) => a.mode === 'cloud' && a.accessToken === token);
  }

  accountByApiKey(apiKey: string): Account | undefined {
    for (const a of this.accounts.values()) if (a.mode === '360' && a.apiKey === apiKey) return a;
    return undefined;
  }

  /** By wa_id or BSUID: the app may address a customer either way. */
  customer(phoneNumberId: string, address: string): Customer | undefined {
    const direct = this.customers.get(key(phoneNumberId, address));
    if (direct) return direct;
    for (const c of this.customers.values()) {
      if (c.phoneNumberId === phoneNumberId && (c.waId === address || c.userId === address)) return c;
    }
    return undefined;
  }

  upsertCustomer(phoneNumberId: string, who: { waId?: string; userId?: string }, patch: Partial<Customer> = {}): Customer {
    const address = who.waId ?? who.userId!;
    const existing = this.customer(phoneNumberId, address) ?? (who.userId ? this.customer(phoneNumberId, who.userId) : undefined);
    const customer: Customer = existing ?? {
      phoneNumberId, address, waId: who.waId, userId: who.userId, hidePhone: false,
      name: `Customer ${address.slice(-4)}`, lastInboundAt: null, notOnWhatsApp: false,
    };
    for (const [field, value] of Object.entries({ ...who, ...patch })) {
      if (value !== undefined) (customer as unknown as Record<string, unknown>)[field] = value;
    }
    this.customers.set(key(phoneNumberId, customer.address), customer);
    return customer;
  }

  customersOf(phoneNumberId?: string): Customer[] {
    return [...this.customers.values()].filter((c) => !phoneNumberId || c.phoneNumberId === phoneNumberId);
  }

  listSent(filter: { phoneNumberId?: string; to?: string } = {}): SentMessage[] {
    return this.sent.filter((m) => (!filter.phoneNumberId || m.phoneNumberId === filter.phoneNumberId) && (!filter.to || m.to === filter.to));
  }

  queueFailure(phoneNumberId: string, spec: FailureSpec): void {
    const queue = this.failures.get(phoneNumberId) ?? [];
    for (let i = 0; i < (spec.times ?? 1); i++) queue.push(spec);
    this.failures.set(phoneNumberId, queue);
  }

  takeFailure(phoneNumberId: string): FailureSpec | undefined {
    return this.failures.get(phoneNumberId)?.shift();
  }

  reset(keepAccounts = false): void {
    if (!keepAccounts) this.accounts.clear();
    this.customers.clear();
    this.media.clear();
    this.failures.clear();
    this.inbound.length = 0;
    this.sent.length = 0;
  }
}
