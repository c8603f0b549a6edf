/** Options of startWhatsAppSimulator and their defaults. */

/** Which statuses follow an accepted send, in arrival order (PROTOCOLS.md 2d, 2g). */
export type StatusScenario = 'in_order' | 'out_of_order' | 'skip_delivered' | 'duplicate' | 'unread' | 'none';

export interface WhatsAppSimulatorOptions {
  /** 0 = random free port. */
  port?: number;
  host?: string;
  /** Seed of the PRNG behind 'random' status scenarios and multi-change batches: runs are reproducible. */
  seed?: number;
  /** Default scenario for every account; 'random' draws one per send. */
  statusScenario?: StatusScenario | 'random';
  /** Gap between consecutive statuses of one message (and before the first). */
  statusDelayMs?: number;
  /** 131047 outside the 24 h window: 'async' = 200 then a failed status (Meta's usual), 'sync' = HTTP 400. */
  reengagementError?: 'async' | 'sync';
  /** Pair rate limit per (business number, customer): a bucket of `burst` refilled one per `intervalMs`. */
  pairRate?: { burst: number; intervalMs: number };
  /** Messages per second per business number before 130429. */
  globalMps?: number;
  /** Chance (0..1) that a batch of customer messages is spread over several changes instead of one value. */
  multiChangeRate?: number;
  /** Delays between webhook retries; its length is the number of retries. */
  retrySchedule?: number[];
  /** A webhook POST slower than this counts as failed. */
  webhookTimeoutMs?: number;
  /** Media download URLs expire after this long (Meta: 5 minutes). */
  mediaUrlTtlMs?: number;
  /** Refuse 360dialog webhook URLs with "_" or a port, as 360dialog Cloud does (off: local URLs have ports). */
  strict360WebhookUrls?: boolean;
  /** The simulator's clock (epoch ms): windows, rate limits and media expiry read it. */
  now?: () => number;
  maxLogEntries?: number;
}

export type ResolvedOptions = Required<WhatsAppSimulatorOptions>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Meta retries "with decreasing frequency" for up to 7 days; this spread sums to about 7 days. */
export const META_RETRY_SCHEDULE_MS = [MINUTE, 5 * MINUTE, 15 * MINUTE, HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, 24 * HOUR, 24 * HOUR, 24 * HOUR, 24 * HOUR, 24 * HOUR, 24 * HOUR, 90 * MINUTE];

/** The 7-day schedule compressed by `factor` (1000 → about 10 minutes), for people trying the product. */
export const compressedRetrySchedule = (factor: number) => META_RETRY_SCHEDULE_MS.map((ms) => Math.max(1, Math.round(ms / factor)));

export function resolveOptions(opts: WhatsAppSimulatorOptions = {}): ResolvedOptions {
  return {
    port: opts.port ?? 0,
    host: opts.host ?? '127.0.0.1',
    seed: opts.seed ?? 42,
    statusScenario: opts.statusScenario ?? 'random',
    statusDelayMs: opts.statusDelayMs ?? 150,
    reengagementError: opts.reengagementError ?? 'async',
    pairRate: opts.pairRate ?? { burst: 45, intervalMs: 6000 },
    globalMps: opts.globalMps ?? 80,
    multiChangeRate: opts.multiChangeRate ?? 0.2,
    retrySchedule: opts.retrySchedule ?? compressedRetrySchedule(1000),
    webhookTimeoutMs: opts.webhookTimeoutMs ?? 20_000,
    mediaUrlTtlMs: opts.mediaUrlTtlMs ?? 5 * MINUTE,
    strict360WebhookUrls: opts.strict360WebhookUrls ?? false,
    now: opts.now ?? Date.now,
    maxLogEntries: opts.maxLogEntries ?? 10_000,
  };
}
