/**
 * Delivers signed webhook POSTs like Meta: retries the IDENTICAL bytes and headers on non-2xx,
 * network errors or timeouts, following a (compressed) retry schedule, and logs every attempt.
 */
import { randomUUID } from 'node:crypto';
import { envelope, type OutboundEvent } from './events';
import { signatureHeaders, toMetaJson } from './signing';
import type { WebhookLog } from './webhook-log';

export interface DeliveryRequest {
  url: string;
  appSecret: string;
  events: OutboundEvent[];
  /** Deliver the same bytes a second time even after a 200: after the first attempt, or concurrently. */
  duplicate?: boolean | 'parallel';
}

export interface AttemptResult {
  deliveryId: string;
  attempt: number;
  status: number | null;
  error?: string;
}

interface Delivery {
  id: string;
  url: string;
  body: Buffer;
  headers: Record<string, string>;
  events: OutboundEvent[];
  duplicate: boolean;
}

export class WebhookSender {
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<AbortController>();
  private idleWaiters: (() => void)[] = [];
  private closed = false;

  constructor(
    private readonly opts: { retrySchedule: number[]; timeoutMs: number; log: WebhookLog },
  ) {}

  /** Resolves with the first attempt of each copy; retries go on in the background. */
  async deliver(req: DeliveryRequest): Promise<AttemptResult[]> {
    const body = toMetaJson(envelope(req.events));
    const headers = {
      'Content-Type': 'application/json',
      'User-Agent': 'facebookexternalua',
      ...signatureHeaders(req.appSecret, body),
    };
    const copy = (duplicate: boolean): Delivery => ({ id: randomUUID(), url: req.url, body, headers, events: req.events, duplicate });
    if (req.duplicate === 'parallel') return Promise.all([this.attempt(copy(false), 1), this.attempt(copy(true), 1)]);
    const first = await this.attempt(copy(false), 1);
    return req.duplicate ? [first, await this.attempt(copy(true), 1)] : [first];
  }

  /** Resolves once nothing is in flight or waiting for a retry. */
  idle(): Promise<void> {
    if (this.timers.size === 0 && this.inFlight.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Cancels scheduled retries and aborts requests in flight. */
  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    for (const c of this.inFlight) c.abort();
    this.notifyIdle();
  }

  /** reset() cancels pending retries but keeps the sender usable. */
  cancelPending(): void {
    this.close();
    this.closed = false;
  }

  private async attempt(d: Delivery, n: number): Promise<AttemptResult> {
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timeout = setTimeout(() => controller.abort(new Error(`no response within ${this.opts.timeoutMs} ms`)), this.opts.timeoutMs);
    const started = Date.now();
    let status: number | null = null;
    let error: string | undefined;
    try {
      // A Buffer is a valid body; the cast only bridges @types/node's ArrayBufferLike generics.
      const body = d.body as unknown as BodyInit;
      const res = await fetch(d.url, { method: 'POST', headers: d.headers, body, signal: controller.signal });
      await res.arrayBuffer(); // the response only counts once it is complete (and within the timeout)
      status = res.status;
    } catch (err) {
      error = describe(err, controller.signal);
    } finally {
      clearTimeout(timeout);
      this.inFlight.delete(controller);
    }
    const ok = status !== null && status >= 200 && status < 300;
    const willRetry = !ok && !this.closed && n <= this.opts.retrySchedule.length;
    this.opts.log.add({
      deliveryId: d.id,
      url: d.url,
      attempt: n,
      status,
      ...(error ? { error } : {}),
      ms: Date.now() - started,
      at: started,
      eventIds: d.events.map((e) => e.eventId),
      pageIds: [...new Set(d.events.map((e) => e.pageId))],
      kinds: d.events.map((e) => e.kind),
      duplicate: d.duplicate,
      willRetry,
      body: d.body.toString('utf8'),
    });
    if (willRetry) this.scheduleRetry(d, n + 1, this.opts.retrySchedule[n - 1]);
    else this.notifyIdle();
    return { deliveryId: d.id, attempt: n, status, ...(error ? { error } : {}) };
  }

  private scheduleRetry(d: Delivery, n: number, delayMs: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.attempt(d, n);
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

function describe(err: unknown, signal: AbortSignal): string {
  if (signal.aborted) return signal.reason instanceof Error ? signal.reason.message : 'aborted';
  const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
  return `${err instanceof Error ? err.message : String(err)}${cause}`;
}
