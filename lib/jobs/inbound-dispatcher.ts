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

export function startInboundDispatcher(boss: PgBoss): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | undefined;
  let listener: pg.Client | undefined;

  const listen = async () => {
    listener = new pg.Client({ connectionString: runtimeEnv().DATABASE_URL });
    listener.on('notification', () => wake?.());
    listener.on('error', () => undefined); // the poll keeps things moving; reconnect on next loop
    await listener.connect();
    await listener.query(`LISTEN ${INBOUND_CHANNEL}`);
  };

  const loop = async () => {
    await listen().catch((err) => logger.warn({ err }, 'dispatcher LISTEN failed; polling only'));
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
    wake?.();
    await done;
    await listener?.end().catch(() => undefined);
  };
}
