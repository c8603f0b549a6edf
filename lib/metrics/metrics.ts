/**
 * Every Prometheus metric of Switchboard, in one registry per process (served by
 * lib/metrics/endpoint.ts). The registry lives on globalThis because Next bundles its own copy
 * of this module: a route handler and the custom server must count into the same registry.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import { isChannelKey } from '@/lib/channels/registry';
import { pool } from '@/lib/db';
import { logger } from '@/lib/logger';

export type WebhookOutcome = 'accepted' | 'duplicate' | 'refused_signature' | 'refused_other' | 'malformed' | 'too_large';
export type DeliveryMetricOutcome = 'sent' | 'failed' | 'retried';

/** Read at most this many of the newest events per scrape, so a scrape costs the same whatever the table's size. */
export const BACKLOG_WINDOW = 100_000;
// UUIDv7 ids sort by arrival: unprocessed events are among the newest. (No index on processedAt: see the schema.)
const BACKLOG_QUERY = `SELECT count(*)::int AS n FROM (SELECT "processedAt", "failedAt" FROM "InboundEvent" ORDER BY "id" DESC LIMIT ${BACKLOG_WINDOW}) s
  WHERE s."processedAt" IS NULL AND s."failedAt" IS NULL`;

const LATENCY_BUCKETS = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const DELIVERY_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 21600, 86400];

function create() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  return {
    registry,
    webhooks: new Counter({ name: 'switchboard_webhooks_total', help: 'Webhook POSTs by channel and outcome', labelNames: ['channel', 'outcome'] as const, registers }),
    webhookAck: new Histogram({ name: 'switchboard_webhook_ack_seconds', help: 'Time from a webhook POST arriving to its answer', buckets: LATENCY_BUCKETS, registers }),
    inboundBacklog: new Gauge({
      name: 'switchboard_inbound_backlog',
      help: `Stored webhook events not yet processed (nor dead letters), among the newest ${BACKLOG_WINDOW}; the same database-wide figure from every process`,
      registers,
      async collect() {
        try {
          const { rows } = await pool().query<{ n: number }>(BACKLOG_QUERY);
          this.set(rows[0]?.n ?? 0);
        } catch (err) {
          logger.warn({ err }, 'metrics: could not count the inbound backlog');
        }
      },
    }),
    inboundProcessing: new Histogram({ name: 'switchboard_inbound_processing_seconds', help: 'Time to process one stored webhook event into messages', buckets: LATENCY_BUCKETS, registers }),
    deliveries: new Counter({ name: 'switchboard_deliveries_total', help: 'Reply delivery attempts by channel and outcome', labelNames: ['channel', 'outcome'] as const, registers }),
    deliverySeconds: new Histogram({ name: 'switchboard_delivery_seconds', help: 'Time from a reply being queued to the provider accepting it', buckets: DELIVERY_BUCKETS, registers }),
    socketConnections: new Gauge({ name: 'switchboard_socket_connections', help: 'Open Socket.IO connections of this web process', registers }),
  };
}

type Metrics = ReturnType<typeof create>;
const KEY = Symbol.for('switchboard.metrics');
const holder = globalThis as unknown as Record<symbol, Metrics | undefined>;

export function metrics(): Metrics {
  return (holder[KEY] ??= create());
}

/** A bounded label: a channel the registry knows, else 'unknown' (the URL is the caller's to choose). */
export function channelLabel(channel: string | undefined): string {
  return channel && isChannelKey(channel) ? channel : 'unknown';
}

/** The channel named by a webhook URL path (/api/webhooks/<channel>/<key>), as a bounded label. */
export function channelOfWebhookPath(pathname: string): string {
  return channelLabel(/^\/api\/webhooks\/([a-z0-9_-]{1,40})\//.exec(pathname)?.[1]);
}

export function countWebhook(channel: string, outcome: WebhookOutcome): void {
  metrics().webhooks.inc({ channel, outcome });
}

/** Called on each state a delivery reaches; `queuedAt` is the reply's createdAt. */
export function countDelivery(channel: string, status: string, queuedAt: Date): void {
  const outcome = ({ sent: 'sent', failed: 'failed', queued: 'retried' } as const)[status as 'sent' | 'failed' | 'queued'];
  if (!outcome) return;
  metrics().deliveries.inc({ channel: channelLabel(channel), outcome });
  if (outcome === 'sent') metrics().deliverySeconds.observe(Math.max(0, (Date.now() - queuedAt.getTime()) / 1000));
}
