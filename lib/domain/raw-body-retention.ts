/**
 * Raw webhook bodies are kept RAW_BODY_RETENTION_DAYS for replay and diagnosis, then pruned: the
 * body and headers are cleared, the row stays (its unique dedupe key still refuses a provider's
 * late redelivery). Small batches with pauses, so pruning never competes with live traffic.
 * Dead letters are kept until they are retried or reach the retention age.
 */
import { pool } from '@/lib/db';

const BATCH = 500;
const PAUSE_MS = 200;

/** Prunes one batch of bodies received before `before`; returns how many. */
export async function pruneRawBodiesBatch(before: Date, batch = BATCH): Promise<number> {
  // The (dispatchedAt, receivedAt) index finds old rows; dispatchedAt is set before processing.
  const res = await pool().query(
    `UPDATE "InboundEvent" SET "rawBody" = NULL, "headers" = '{}'::jsonb
     WHERE "id" IN (
       SELECT "id" FROM "InboundEvent"
       WHERE "dispatchedAt" < $1 AND "receivedAt" < $1 AND "rawBody" IS NOT NULL AND ("processedAt" IS NOT NULL OR "failedAt" IS NOT NULL)
       LIMIT $2 FOR UPDATE SKIP LOCKED)`,
    [before, batch],
  );
  return res.rowCount ?? 0;
}

/** Prunes everything past retention, batch by batch with a pause between; stops early when asked. */
export async function pruneRawBodies(retentionDays: number, opts: { batch?: number; pauseMs?: number; stopped?: () => boolean } = {}): Promise<number> {
  const before = new Date(Date.now() - retentionDays * 86_400_000);
  let total = 0;
  for (;;) {
    const n = await pruneRawBodiesBatch(before, opts.batch ?? BATCH);
    total += n;
    if (n < (opts.batch ?? BATCH) || opts.stopped?.()) return total;
    await new Promise((r) => setTimeout(r, opts.pauseMs ?? PAUSE_MS));
  }
}
