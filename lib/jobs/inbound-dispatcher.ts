/**
 * Moves stored webhook events into pg-boss: claims undispatched InboundEvent rows (SKIP LOCKED,
 * so several workers share the work), inserts one job each in bulk and marks them dispatched in
 * the same transaction. Woken by the NOTIFY the ingress sends with each insert; polls every few
 * seconds as a backstop (e.g. events stored while no worker ran).
 */
import pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { pool } from '@/lib/db';
import { runtimeEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { INBOUND_CHANNEL } from '@/lib/ingress/store';
import { sqlExecutor } from './boss';
import { QUEUES } from './contracts';

const BATCH = 500;
// Events per job. The job shape allows groups (pg-boss's per-job SQL paid once per group), but on
// 2 cores groups of 4 and 10 measured no better drain and worse latency than single events.
const EVENTS_PER_JOB = 1;

const chunk = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));
const POLL_MS = 3000;

const CLAIM = `UPDATE "InboundEvent" SET "dispatchedAt" = now()
WHERE "id" IN (SELECT "id" FROM "InboundEvent" WHERE "dispatchedAt" IS NULL ORDER BY "receivedAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
RETURNING "id", "receivedAt"`;

/** One claim-and-enqueue round; returns how many events it dispatched. */
export async function dispatchInboundEvents(boss: PgBoss): Promise<number> {
  const client = await pool().connect();
  const lost = (err: Error) => logger.warn({ err }, 'database connection lost during a transaction');
  client.on('error', lost);
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const { rows } = await client.query<{ id: string; receivedAt: Date }>(CLAIM);
    rows.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id)); // RETURNING has no order
    if (rows.length) await boss.insert(QUEUES.inboundProcess, chunk(rows.map((r) => r.id), EVENTS_PER_JOB).map((eventIds) => ({ data: { eventIds } })), { db: sqlExecutor(client) });
    await client.query('COMMIT');
    return rows.length;
  } catch (err) {
    await client.query('ROLLBACK').catch((rollbackErr: Error) => (broken = rollbackErr));
    throw err;
  } finally {
    client.off('error', lost);
    client.release(broken); // a client whose ROLLBACK failed is destroyed, not reused
  }
}

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 5_000;

export function startInboundDispatcher(boss: PgBoss): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | undefined;
  let listener: pg.Client | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let backoffMs = RECONNECT_MIN_MS;

  // The LISTEN connection dies with a database restart or a network cut: reconnect with back-off
  // (the poll keeps events moving meanwhile), then dispatch at once in case a wake-up was missed.
  const reconnectLater = (client: pg.Client, err?: unknown) => {
    if (stopped || listener !== client) return;
    listener = undefined;
    client.end().catch(() => undefined);
    logger.warn({ err, retryInMs: backoffMs }, 'dispatcher LISTEN connection lost; reconnecting');
    reconnectTimer = setTimeout(() => void listen(), backoffMs);
    backoffMs = Math.min(backoffMs * 2, RECONNECT_MAX_MS);
  };

  const listen = async () => {
    if (stopped) return;
    const client = new pg.Client({ connectionString: runtimeEnv().DATABASE_URL });
    listener = client;
    client.on('notification', () => wake?.());
    client.on('error', (err) => reconnectLater(client, err));
    client.on('end', () => reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${INBOUND_CHANNEL}`);
      if (backoffMs > RECONNECT_MIN_MS) logger.info('dispatcher LISTEN connection restored');
      backoffMs = RECONNECT_MIN_MS;
      wake?.();
    } catch (err) {
      reconnectLater(client, err);
    }
  };

  const loop = async () => {
    await listen();
    while (!stopped) {
      try {
        // Drain: keep going while batches come back full.
        while (!stopped && (await dispatchInboundEvents(boss)) === BATCH);
      } catch (err) {
        logger.error({ err }, 'inbound dispatch failed');
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  };
  const done = loop();
  return async () => {
    stopped = true;
    clearTimeout(reconnectTimer);
    wake?.();
    await done;
    const client = listener;
    listener = undefined;
    await client?.end().catch(() => undefined);
  };
}
