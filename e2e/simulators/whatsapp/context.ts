/** The pieces every simulator operation works with, wired once by createContext. */
import { TimerSet } from '../messenger/timers';
import { seededRandom } from './ids';
import type { ResolvedOptions } from './options';
import { type Batching, envelope, type OutboundItem } from './payloads';
import { metaSignatureHeaders, toMetaJson } from './signing';
import { SimulatorState } from './state';
import { TokenBuckets } from './token-bucket';
import type { Account } from './types';
import { WebhookLog } from './webhook-log';
import { type AttemptResult, WebhookSender } from './webhook-sender';

export interface SimulatorContext {
  options: ResolvedOptions;
  state: SimulatorState;
  log: WebhookLog;
  sender: WebhookSender;
  timers: TimerSet;
  random: () => number;
  pairLimit: TokenBuckets;
  globalLimit: TokenBuckets;
  now(): number;
}

export function createContext(options: ResolvedOptions): SimulatorContext {
  const log = new WebhookLog(options.maxLogEntries);
  return {
    options,
    state: new SimulatorState(),
    log,
    sender: new WebhookSender({ retrySchedule: options.retrySchedule, timeoutMs: options.webhookTimeoutMs, log }),
    timers: new TimerSet(),
    random: seededRandom(options.seed),
    pairLimit: new TokenBuckets(options.pairRate.burst, options.pairRate.intervalMs),
    globalLimit: new TokenBuckets(options.globalMps, 1000 / options.globalMps),
    now: options.now,
  };
}

/**
 * POSTs items to the account's webhook: Cloud signs the exact bytes with the app secret (as Meta),
 * 360dialog sends the headers registered with the URL instead. Nothing happens without a URL.
 */
export function deliver(
  ctx: SimulatorContext,
  target: Account,
  items: OutboundItem[],
  opts: { batching?: Batching; duplicate?: boolean | 'parallel' } = {},
): Promise<AttemptResult[]> {
  if (!target.webhookUrl || items.length === 0) return Promise.resolve([]);
  const body = toMetaJson(envelope(items, opts.batching));
  const auth = target.mode === 'cloud' ? metaSignatureHeaders(target.appSecret ?? '', body) : target.webhookHeaders;
  const headers = {
    'Content-Type': 'application/json',
    'User-Agent': target.mode === 'cloud' ? 'facebookexternalua' : '360dialog-webhooks',
    ...auth,
  };
  const delivery = {
    url: target.webhookUrl, body, headers,
    eventIds: items.map((i) => i.eventId),
    phoneNumberIds: [...new Set(items.map((i) => i.account.phoneNumberId))],
    kinds: items.map((i) => (i.kind === 'message' ? String(i.item.type) : `status:${String(i.item.status)}`)),
  };
  return ctx.sender.deliver(delivery, opts.duplicate);
}
