/** Options of startMessengerSimulator and their defaults. */

export interface ReceiptSettings {
  echo: boolean;
  delivery: boolean;
  read: boolean;
}

export interface MessengerSimulatorOptions {
  /** 0 = random free port. */
  port?: number;
  host?: string;
  /** Our "app" id; echoes carry it as a JSON number, like Meta. */
  appId?: string;
  autoReceipts?: ReceiptSettings;
  /** Random delay range for echo/delivery/read webhooks after a successful send. */
  receiptDelayMs?: [number, number];
  /** Delays between webhook retries; the number of entries is the number of retries. */
  retrySchedule?: number[];
  /** Per-page Send API calls per second before error 613. */
  rateLimitPerSecond?: number;
  /** A webhook POST slower than this counts as failed (Meta: 20 s). */
  webhookTimeoutMs?: number;
  /** Oldest webhook log entries are dropped past this size (keeps benchmarks bounded). */
  maxLogEntries?: number;
}

export type ResolvedOptions = Required<MessengerSimulatorOptions>;

export const DEFAULT_APP_ID = '1517776481860111';

export function resolveOptions(opts: MessengerSimulatorOptions = {}): ResolvedOptions {
  const appId = opts.appId ?? DEFAULT_APP_ID;
  // Echo app_id is emitted as a JSON number, so it must survive a round trip through a double.
  if (!/^\d+$/.test(appId) || !Number.isSafeInteger(Number(appId))) {
    throw new Error(`appId must be a decimal integer below 2^53, got ${appId}`);
  }
  return {
    port: opts.port ?? 0,
    host: opts.host ?? '127.0.0.1',
    appId,
    autoReceipts: opts.autoReceipts ?? { echo: true, delivery: true, read: true },
    receiptDelayMs: opts.receiptDelayMs ?? [30, 200],
    retrySchedule: opts.retrySchedule ?? [1000, 2000, 4000, 8000],
    rateLimitPerSecond: opts.rateLimitPerSecond ?? 300,
    webhookTimeoutMs: opts.webhookTimeoutMs ?? 20_000,
    maxLogEntries: opts.maxLogEntries ?? 10_000,
  };
}
