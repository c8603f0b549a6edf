/**
 * Webhook delivery like Telegram's (PROTOCOLS.md 5d): one Update per POST with the secret-token
 * header; on a non-2xx, a network error or a timeout the same bytes are retried on a schedule and
 * every later update of that bot waits behind it (the queue stalls, pending_update_count grows).
 * After the last retry Telegram gives up on that update and moves on.
 */
import { randomInt } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { randomBetween } from './ids';
import type { ResolvedOptions } from './options';
import type { Bot, PendingUpdate } from './types';
import type { WebhookLog } from './webhook-log';
import { nowSeconds } from './wire';

/** Telegram's default when allowed_updates is not given or empty. */
const NOT_BY_DEFAULT = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

export function wantsUpdate(bot: Bot, kind: string): boolean {
  return bot.allowedUpdates?.length ? bot.allowedUpdates.includes(kind) : !NOT_BY_DEFAULT.has(kind);
}

export class UpdateDelivery {
  private generation = 0;
  private readonly running = new Set<number>();
  private readonly sleeps = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();
  private readonly inFlight = new Set<AbortController>();

  constructor(private readonly options: ResolvedOptions, private readonly log: WebhookLog) {}

  /** Creates the next update of the bot (strictly increasing id, with gaps) and queues it; null when allowed_updates filters it out. */
  emit(bot: Bot, kind: string, payload: Record<string, unknown>): PendingUpdate | null {
    if (!wantsUpdate(bot, kind)) return null;
    bot.lastUpdateId += randomBetween(this.options.updateIdGap);
    const update: PendingUpdate = { updateId: bot.lastUpdateId, kind, body: JSON.stringify({ update_id: bot.lastUpdateId, [kind]: payload }), attempts: 0 };
    bot.pending.push(update);
    this.pump(bot);
    return update;
  }

  /** Starts delivering the bot's queue if it has a webhook and is not already delivering. */
  pump(bot: Bot): void {
    if (!bot.webhook || this.running.has(bot.id) || bot.pending.length === 0) return;
    this.running.add(bot.id);
    const generation = this.generation;
    void this.run(bot, generation).finally(() => {
      if (generation === this.generation) this.running.delete(bot.id);
    });
  }

  get busy(): boolean {
    return this.running.size > 0;
  }

  /** Stops every delivery loop, pending retry and request in flight (reset, close). */
  cancel(): void {
    this.generation++;
    for (const s of this.sleeps) {
      clearTimeout(s.timer);
      s.resolve();
    }
    this.sleeps.clear();
    for (const c of this.inFlight) c.abort();
    this.running.clear();
  }

  private async run(bot: Bot, generation: number): Promise<void> {
    const schedule = this.options.retrySchedule;
    while (generation === this.generation && bot.webhook && bot.pending.length > 0) {
      const width = this.options.parallelDelivery ? Math.max(1, bot.webhook.maxConnections) : 1;
      const batch = bot.pending.slice(0, width);
      const jitter = batch.length > 1 ? this.options.deliveryJitterMs : 0;
      const delivered = await Promise.all(batch.map((u) => this.attempt(bot, u, jitter)));
      if (generation !== this.generation) return;
      let wait = 0;
      batch.forEach((u, i) => {
        if (delivered[i] || u.attempts > schedule.length) bot.pending.splice(bot.pending.indexOf(u), 1);
        else if (u.attempts > 0) wait = Math.max(wait, schedule[u.attempts - 1]);
      });
      // Nothing else goes out for this bot meanwhile: later updates stall behind the failed one.
      if (wait > 0) await this.sleep(wait);
    }
  }

  private async attempt(bot: Bot, update: PendingUpdate, jitterMs: number): Promise<boolean> {
    if (jitterMs > 0) await this.sleep(randomInt(0, jitterMs + 1));
    const webhook = bot.webhook;
    if (!webhook) return false;
    const url = this.options.webhookProxy ? this.options.webhookProxy(webhook.url) : webhook.url;
    const controller = new AbortController();
    this.inFlight.add(controller);
    const timer = setTimeout(() => controller.abort(new Error('Read timeout expired')), this.options.webhookTimeoutMs);
    const started = Date.now();
    let status: number | null = null;
    let error: string | undefined;
    try {
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (webhook.secretToken) headers['X-Telegram-Bot-Api-Secret-Token'] = webhook.secretToken;
      const res = await fetch(url, { method: 'POST', headers, body: update.body, signal: controller.signal });
      await res.arrayBuffer();
      status = res.status;
    } catch (err) {
      error = describeFailure(err, controller.signal);
    } finally {
      clearTimeout(timer);
      this.inFlight.delete(controller);
    }
    update.attempts++;
    const ok = status !== null && status >= 200 && status < 300;
    if (!ok) {
      bot.lastErrorDate = nowSeconds();
      bot.lastErrorMessage = error ?? `Wrong response from the webhook: ${status} ${STATUS_CODES[status!] ?? ''}`.trim();
    }
    const willRetry = !ok && update.attempts <= this.options.retrySchedule.length;
    this.log.add({
      botId: bot.id, updateId: update.updateId, kind: update.kind, url, attempt: update.attempts, status,
      ...(error ? { error } : {}), ms: Date.now() - started, at: started, willRetry, gaveUp: !ok && !willRetry,
      secretTokenSent: Boolean(webhook.secretToken), body: update.body,
    });
    return ok;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = { timer: setTimeout(() => { this.sleeps.delete(entry); resolve(); }, ms), resolve };
      this.sleeps.add(entry);
    });
  }
}

/** The words getWebhookInfo's last_error_message uses. */
function describeFailure(err: unknown, signal: AbortSignal): string {
  if (signal.aborted) return signal.reason instanceof Error ? signal.reason.message : 'Read timeout expired';
  const code = (err as { cause?: { code?: string } })?.cause?.code;
  if (code === 'ECONNREFUSED') return 'Connection refused';
  if (code === 'ENOTFOUND') return 'Failed to resolve host: Name or service not known';
  return `Connection failed: ${err instanceof Error ? err.message : String(err)}`;
}
