/**
 * Delivers webhook POSTs like Meta / 360dialog: on a non-2xx, a network error or a timeout the
 * IDENTICAL bytes and headers are retried along the (compressible) schedule; every attempt is logged.
 * Past deliveries can be sent again on demand (duplicates happen in production).
 */
import { randomUUID } from 'node:crypto';
import type { WebhookLog } from './webhook-log';

export interface Delivery {
  id: string;
  url: string;
  body: Buffer;
  headers: Record<string, string>;
  eventIds: string[];
  phoneNumberIds: string[];
  kinds: string[];
}

export interface AttemptResult {
  deliveryId: string;
  attempt: number;
  status: number | null;
  error?: string;
}

const KEEP_DELIVERIES = 2000;

export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private readonly past = new Map<string, Delivery>();
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly opts: { retrySchedule: number[]; timeoutMs: number; log: WebhookLog }) {}

  /** Resolves with the first attempt (or both, with duplicate); retries continue in the background. */
  async deliver(d: Omit<Delivery, 'id'>, duplicate?: boolean | 'parallel'): Promise<AttemptResult[]> {
    const delivery = { ...d, id: randomUUID() };
    this.remember(delivery);
    if (duplicate === 'parallel') return Promise.all([this.attempt(delivery, 1, false), this.attempt({ ...delivery, id: randomUUID() }, 1, true)]);
    const first = await this.attempt(delivery, 1, false);
    return duplicate ? [first, await this.attempt({ ...delivery, id: randomUUID() }, 1, true)] : [first];
  }

  /** Sends the exact bytes of an earlier delivery once more, as Meta's duplicate deliveries do. */
  async redeliver(deliveryId: string): Promise<AttemptResult | undefined> {
    const original = this.past.get(deliveryId);
    if (!original) return undefined;
    return this.attempt({ ...original, id: randomUUID() }, 1, true);
  }

  idle(): Promise<void> {
    if (this.timers.size === 0 && this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inFlight) c.abort();
    this.notifyIdle();
  }

  /** reset(): drop pending retries and history but stay usable. */
  cancelPending(): void {
    this.close();
    this.past.clear();
    this.closed = false;
  }

  private remember(d: Delivery): void {
    this.past.set(d.id, d);
    if (this.past.size > KEEP_DELIVERIES) this.past.delete(this.past.keys().next().value!);
  }

  private async attempt(d: Delivery, n: number, duplicate: boolean): Promise<AttemptResult> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(new Error(`no response within ${this.opts.timeoutMs} ms`)), this.opts.timeoutMs);
    const started = Date.now();
    let status: number | null = null;
    let error: string | undefined;
    try {
      const res = await fetch(d.url, { method: 'POST', headers: d.headers, body: d.body as unknown as BodyInit, signal: controller.signal, redirect: 'manual' });
      await res.arrayBuffer(); // only a complete response within the timeout counts
      status = res.status;
    } catch (err) {
      error = controller.signal.aborted && controller.signal.reason instanceof Error ? controller.signal.reason.message : describe(err);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    // Redirects are not followed (PROTOCOLS.md 2d): a 302 is a failure like any non-2xx.
    const ok = status !== null && status >= 200 && status < 300;
    const willRetry = !ok && !this.closed && n <= this.opts.retrySchedule.length;
    this.opts.log.add({
      deliveryId: d.id, url: d.url, attempt: n, status, ...(error ? { error } : {}), ms: Date.now() - started, at: started,
      eventIds: d.eventIds, phoneNumberIds: d.phoneNumberIds, kinds: d.kinds, duplicate, willRetry,
      body: d.body.toString('utf8'), headers: d.headers,
    });
    if (willRetry) this.scheduleRetry(d, n + 1, duplicate, this.opts.retrySchedule[n - 1]);
    else this.notifyIdle();
    return { deliveryId: d.id, attempt: n, status, ...(error ? { error } : {}) };
  }

  private scheduleRetry(d: Delivery, n: number, duplicate: boolean, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(d, n, duplicate);
    }, delayMs);
    this.timers.add(timer);
  }

  private notifyIdle(): void {
    if (this.timers.size > 0 || this.inFlight.size > 0) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

function describe(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err instanceof Error ? err.message : String(err)}${cause}`;
}
