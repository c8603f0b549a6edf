/** The pieces every simulator operation works with, wired once by createContext. */
import type { OutboundEvent } from './events';
import type { ResolvedOptions } from './options';
import { RateLimiter } from './rate-limiter';
import { SimulatorState } from './state';
import { TimerSet } from './timers';
import type { Page } from './types';
import { WebhookLog } from './webhook-log';
import { type AttemptResult, WebhookSender } from './webhook-sender';

export interface SimulatorContext {
  options: ResolvedOptions;
  state: SimulatorState;
  log: WebhookLog;
  sender: WebhookSender;
  timers: TimerSet;
  limiter: RateLimiter;
}

export function createContext(options: ResolvedOptions): SimulatorContext {
  const log = new WebhookLog(options.maxLogEntries);
  return {
    options,
    state: new SimulatorState(),
    log,
    sender: new WebhookSender({ retrySchedule: options.retrySchedule, timeoutMs: options.webhookTimeoutMs, log }),
    timers: new TimerSet(),
    limiter: new RateLimiter(options.rateLimitPerSecond),
  };
}

/** POSTs events to the page's callback, signed with its app secret; nothing happens without a webhook URL. */
export function sendToPage(
  ctx: SimulatorContext,
  page: Page,
  events: OutboundEvent[],
  duplicate?: boolean | 'parallel',
): Promise<AttemptResult[]> {
  if (!page.webhookUrl) return Promise.resolve([]);
  return ctx.sender.deliver({ url: page.webhookUrl, appSecret: page.appSecret, events, duplicate });
}
