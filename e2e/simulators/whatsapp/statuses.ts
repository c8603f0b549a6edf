/**
 * After a 200, WhatsApp reports progress with status webhooks (PROTOCOLS.md 2c/2d/2g): sometimes out
 * of order, sometimes without `delivered`, sometimes twice. The scenario is fixed per account or
 * drawn from the seeded PRNG, so tests are deterministic.
 */
import { type SimulatorContext, deliver } from './context';
import type { StatusScenario } from './options';
import type { OutboundItem } from './payloads';
import type { Account, Customer, SentMessage, SentStatus } from './types';
import type { WaError } from './wa-errors';

type Step = 'sent' | 'delivered' | 'read';

export const SCENARIOS: Record<StatusScenario, Step[]> = {
  in_order: ['sent', 'delivered', 'read'],
  // read can arrive before sent (and delivered after read): the app must never move backwards.
  out_of_order: ['read', 'sent', 'delivered'],
  skip_delivered: ['sent', 'read'],
  duplicate: ['sent', 'delivered', 'delivered', 'read'],
  unread: ['sent', 'delivered'],
  none: [],
};

const WEIGHTS: [StatusScenario, number][] = [['in_order', 0.5], ['out_of_order', 0.15], ['skip_delivered', 0.1], ['duplicate', 0.15], ['unread', 0.1]];
const RANK: Record<SentStatus, number> = { accepted: 0, sent: 1, delivered: 2, read: 3, failed: 4 };

export function pickScenario(ctx: SimulatorContext, account: Account): StatusScenario {
  const setting = account.statusScenario ?? ctx.options.statusScenario;
  if (setting !== 'random') return setting;
  let roll = ctx.random();
  for (const [scenario, weight] of WEIGHTS) if ((roll -= weight) < 0) return scenario;
  return 'in_order';
}

/** One status object as Meta writes it; timestamps are epoch-second strings in logical order. */
export function statusItem(account: Account, sent: SentMessage, customer: Customer | undefined, status: Step | 'failed', error?: WaError): OutboundItem {
  const seconds = Math.floor(sent.time / 1000) + (status === 'failed' ? 1 : RANK[status] - 1);
  const item: Record<string, unknown> = { id: sent.wamid, status, timestamp: String(seconds) };
  if (!customer?.hidePhone) item.recipient_id = customer?.waId ?? sent.to;
  if (customer?.userId) item.recipient_user_id = customer.userId;
  if (status === 'sent' || status === 'delivered') {
    const category = sent.type === 'template' ? 'utility' : 'service';
    item.pricing = { billable: category !== 'service', pricing_model: 'PMP', category, type: category === 'service' ? 'free_customer_service' : 'regular' };
  }
  if (error) item.errors = [error.statusError()];
  return { account, kind: 'status', eventId: `status:${sent.wamid}:${status}`, item };
}

export function scheduleStatuses(ctx: SimulatorContext, account: Account, sent: SentMessage, customer: Customer | undefined): void {
  // Chained, not scheduled all at once: timers of different lengths may fire in any order under load.
  const steps = [...SCENARIOS[pickScenario(ctx, account)]];
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    ctx.timers.later(ctx.options.statusDelayMs, () => {
      emit(ctx, account, sent, statusItem(account, sent, customer, step), step);
      next();
    });
  };
  next();
}

/** 200 first, then `failed` with the error (131047 re-engagement, 131026 not on WhatsApp, injected codes). */
export function scheduleFailure(ctx: SimulatorContext, account: Account, sent: SentMessage, customer: Customer | undefined, error: WaError): void {
  ctx.timers.later(ctx.options.statusDelayMs, () => emit(ctx, account, sent, statusItem(account, sent, customer, 'failed', error), 'failed', error.code));
}

function emit(ctx: SimulatorContext, account: Account, sent: SentMessage, item: OutboundItem, status: SentStatus, errorCode?: number): void {
  sent.emitted.push(status);
  if (status === 'failed') {
    sent.status = 'failed';
    sent.errorCode = errorCode;
  } else if (sent.status !== 'failed' && RANK[status] > RANK[sent.status]) {
    sent.status = status;
  }
  void deliver(ctx, account, [item]);
}
