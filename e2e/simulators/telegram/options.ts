/** Options of startTelegramSimulator and their defaults. */

export interface TelegramSimulatorOptions {
  /** 0 = random free port. */
  port?: number;
  host?: string;
  /** Delays between webhook retries of one update; the number of entries is how often it is retried before Telegram gives up on it. */
  retrySchedule?: number[];
  /** A webhook POST slower than this counts as failed ("Read timeout expired"). */
  webhookTimeoutMs?: number;
  /**
   * Deliver up to max_connections updates of a bot at once, so they can arrive out of order
   * (real Telegram does with max_connections > 1). Off by default: one at a time, in order.
   */
  parallelDelivery?: boolean;
  /** Random delay (0..n ms) before each parallel delivery, which makes reordering likely. */
  deliveryJitterMs?: number;
  /**
   * Accept http:// URLs and any port in setWebhook. Real Telegram requires HTTPS on 443, 80, 88
   * or 8443; this is for running Switchboard locally (npm run simulate) without TLS.
   */
  allowHttpWebhooks?: boolean;
  /**
   * Deliver to another URL than the registered one, like a TLS-terminating reverse proxy in front
   * of the app: register https://switchboard.example/... and receive on http://127.0.0.1:port/...
   */
  webhookProxy?: (registeredUrl: string) => string;
  /** Bots FAQ: about 1 message per second per chat, short bursts allowed. */
  perChatPerSecond?: number;
  perChatBurst?: number;
  /** Bots FAQ: about 20 messages per minute in a group. */
  groupPerMinute?: number;
  /** Bots FAQ: about 30 messages per second overall. */
  globalPerSecond?: number;
  /** update_id grows by a random step in this range: strictly increasing, with gaps. */
  updateIdGap?: [number, number];
  /** Oldest webhook log entries are dropped past this size. */
  maxLogEntries?: number;
}

export type ResolvedOptions = Required<Omit<TelegramSimulatorOptions, 'webhookProxy'>> & Pick<TelegramSimulatorOptions, 'webhookProxy'>;

export function resolveOptions(opts: TelegramSimulatorOptions = {}): ResolvedOptions {
  const [minGap, maxGap] = opts.updateIdGap ?? [1, 4];
  if (!(Number.isInteger(minGap) && minGap >= 1 && maxGap >= minGap)) throw new Error('updateIdGap must be [min ≥ 1, max ≥ min]');
  return {
    port: opts.port ?? 0,
    host: opts.host ?? '127.0.0.1',
    retrySchedule: opts.retrySchedule ?? [1000, 3000, 10_000, 30_000, 60_000],
    webhookTimeoutMs: opts.webhookTimeoutMs ?? 30_000,
    parallelDelivery: opts.parallelDelivery ?? false,
    deliveryJitterMs: opts.deliveryJitterMs ?? 0,
    allowHttpWebhooks: opts.allowHttpWebhooks ?? false,
    webhookProxy: opts.webhookProxy,
    perChatPerSecond: opts.perChatPerSecond ?? 1,
    perChatBurst: opts.perChatBurst ?? 3,
    groupPerMinute: opts.groupPerMinute ?? 20,
    globalPerSecond: opts.globalPerSecond ?? 30,
    updateIdGap: [minGap, maxGap],
    maxLogEntries: opts.maxLogEntries ?? 10_000,
  };
}
