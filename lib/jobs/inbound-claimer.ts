/**
 * Processes stored webhook events straight from the outbox (InboundEvent), without a job per
 * event: a worker claims a batch of due events with a lease (FOR UPDATE SKIP LOCKED, so several
 * workers share the work and never hold one event at once), processes them, and claims again
 * while batches keep coming. Woken by the NOTIFY the ingress sends with each insert; polls as a
 * backstop (events stored while no worker ran, retries whose back-off has passed).
 *
 * Order: a batch is taken oldest first and split into lanes per customer (per inbox when an event
 * concerns several customers or does not parse); each lane runs in receivedAt order, lanes in
 * parallel. Across worker processes, events of one customer may run at the same time (as with the
 * former jobs): lockCustomer serialises their writes, the thread is ordered by provider timestamps
 * and receipts only move forward.
 */
import pg from 'pg';
import { recordInboundFailure } from '@/lib/domain/inbound-failures';
import { processInboundEvent } from '@/lib/domain/ingest';
import { inboundLanes } from '@/lib/domain/inbound-lanes';
import { pool } from '@/lib/db';
import { runtimeEnv } from '@/lib/env';
import { INBOUND_CHANNEL } from '@/lib/ingress/store';
import { logger, withLogContext } from '@/lib/logger';
import { metrics } from '@/lib/metrics/metrics';

export const CLAIM_BATCH = 100;
/** A worker holds its claim this long; it renews the lease while it works on the batch. */
export const LEASE_SECONDS = 30;
const RENEW_MS = 10_000;
const POLL_MS = 2000;
export const CRASHED_MESSAGE = 'Processing stopped on every attempt without a result (the worker may have crashed on this event)';

export interface ClaimedEvent { id: string; inboxId: string; receivedAt: Date; attempts: number }

// A claim whose lease ran out without a result (the worker died mid-event) counts as a failed
// attempt, so an event that kills its worker every time still ends as a dead letter.
const CLAIM = `UPDATE "InboundEvent" e SET "claimedUntil" = now() + make_interval(secs => $2),
  "dispatchedAt" = COALESCE(e."dispatchedAt", now()),
  "attempts" = e."attempts" + (e."claimedUntil" IS NOT NULL)::int,
  "error" = CASE WHEN e."claimedUntil" IS NOT NULL THEN 'The worker stopped while processing this event' ELSE e."error" END
WHERE e."id" IN (
  SELECT "id" FROM "InboundEvent"
  WHERE "processedAt" IS NULL AND "failedAt" IS NULL AND "nextAttemptAt" <= now() AND ("claimedUntil" IS NULL OR "claimedUntil" < now())
  ORDER BY "receivedAt" LIMIT $1 FOR UPDATE SKIP LOCKED)
RETURNING e."id", e."inboxId", e."receivedAt", e."attempts"`;

const RENEW = `UPDATE "InboundEvent" SET "claimedUntil" = now() + make_interval(secs => $2)
WHERE "id" = ANY($1::uuid[]) AND "claimedUntil" IS NOT NULL AND "processedAt" IS NULL AND "failedAt" IS NULL`;

/** Claims up to `limit` due events, oldest first. */
export async function claimInboundEvents(limit = CLAIM_BATCH, leaseSeconds = LEASE_SECONDS): Promise<ClaimedEvent[]> {
  const { rows } = await pool().query<ClaimedEvent>(CLAIM, [limit, leaseSeconds]);
  return rows.sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id)); // RETURNING has no order
}

/** Processes one claimed event; a failure is recorded on it (retry with back-off, or dead letter). */
async function processClaimed(event: ClaimedEvent, maxAttempts: number): Promise<void> {
  if (event.attempts >= maxAttempts) {
    // Its last attempt ended with the worker gone (already counted by the claim): do not try it again.
    await recordInboundFailure(event.id, new Error(CRASHED_MESSAGE), true, { countAttempt: false });
    return;
  }
  const final = event.attempts + 1 >= maxAttempts;
  const stopTimer = metrics().inboundProcessing.startTimer();
  try {
    await processInboundEvent(event.id);
    stopTimer();
  } catch (err) {
    logger.error({ err, attempt: event.attempts + 1, final }, 'inbound processing failed');
    // If even this write fails (database down), the lease runs out and the claim counts as an attempt.
    await recordInboundFailure(event.id, err, final);
  }
}

/** Runs `work` over the items with at most `limit` at once. */
async function eachLimited<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

/**
 * Processes a claimed batch: each customer's events in receivedAt order (lib/domain/inbound-lanes.ts),
 * `concurrency` lanes at a time.
 * One event's failure never stops the others (it is recorded on that event).
 */
export async function processInboundBatch(events: ClaimedEvent[], concurrency: number): Promise<void> {
  const maxAttempts = runtimeEnv().INBOUND_MAX_ATTEMPTS;
  const ids = events.map((e) => e.id);
  const renew = setInterval(() => void pool().query(RENEW, [ids, LEASE_SECONDS]).catch((err) => logger.warn({ err }, 'could not renew the inbound claim')), RENEW_MS);
  try {
    await eachLimited(await inboundLanes(events), concurrency, async (lane) => {
      for (const event of lane) {
        // Every log line written while processing (however deep) carries the event's id.
        await withLogContext({ eventId: event.id }, () => processClaimed(event, maxAttempts)).catch((err) =>
          logger.error({ err, eventId: event.id }, 'could not record an inbound failure; the event is tried again when its claim runs out'));
      }
    });
  } finally {
    clearInterval(renew);
  }
}

/** One claim-and-process round; returns how many events it claimed. */
export async function drainOnce(concurrency: number, limit = CLAIM_BATCH): Promise<number> {
  const events = await claimInboundEvents(limit);
  if (events.length) await processInboundBatch(events, concurrency);
  return events.length;
}

const RECONNECT_MIN_MS = 500;
const RECONNECT_MAX_MS = 5_000;

/** Starts claiming and processing; returns a function that stops after the current batch. */
export function startInboundClaimer(concurrency: number): () => Promise<void> {
  let stopped = false;
  let wake: (() => void) | undefined;
  let woken = false;
  let listener: pg.Client | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  let backoffMs = RECONNECT_MIN_MS;
  const signal = () => {
    woken = true;
    wake?.();
  };

  // The LISTEN connection dies with a database restart or a network cut: reconnect with back-off
  // (the poll keeps events moving meanwhile), then claim at once in case a wake-up was missed.
  const reconnectLater = (client: pg.Client, err?: unknown) => {
    if (stopped || listener !== client) return;
    listener = undefined;
    client.end().catch(() => undefined);
    logger.warn({ err, retryInMs: backoffMs }, 'inbound claimer LISTEN connection lost; reconnecting');
    reconnectTimer = setTimeout(() => void listen(), backoffMs);
    backoffMs = Math.min(backoffMs * 2, RECONNECT_MAX_MS);
  };

  const listen = async () => {
    if (stopped) return;
    const client = new pg.Client({ connectionString: runtimeEnv().DATABASE_URL });
    listener = client;
    client.on('notification', signal);
    client.on('error', (err) => reconnectLater(client, err));
    client.on('end', () => reconnectLater(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${INBOUND_CHANNEL}`);
      if (backoffMs > RECONNECT_MIN_MS) logger.info('inbound claimer LISTEN connection restored');
      backoffMs = RECONNECT_MIN_MS;
      signal();
    } catch (err) {
      reconnectLater(client, err);
    }
  };

  const loop = async () => {
    await listen();
    while (!stopped) {
      woken = false;
      try {
        // Drain: keep going while batches come back full. (Retries are left to the next wake-up
        // or poll, so a poison event with no back-off does not spin.)
        while (!stopped && (await drainOnce(concurrency)) === CLAIM_BATCH);
      } catch (err) {
        logger.error({ err }, 'inbound claim failed');
      }
      if (stopped || woken) continue; // a NOTIFY arrived while working: claim again at once
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
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
