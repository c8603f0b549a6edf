/**
 * After the ingest flood every acknowledged webhook is a queued job: how long does the worker need
 * to turn the backlog into conversations? Read straight from the database (an unprocessed stored
 * event is exactly "work still owed"), polled until zero or the time budget runs out.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { CoresUsed, CpuProbe } from './cpu';
import { SETTINGS } from './settings';
import { round, sleep } from './stats';

export interface BacklogResult {
  /** Unprocessed events when the ingest run ended. */
  atStart: number;
  /** Seconds until none was left, or null when the budget ran out first. */
  drainSeconds: number | null;
  remaining: number;
  /** Events whose processing failed at least once (the worker records the error on the row). */
  withErrors: number;
  eventsPerSecond: number | null;
  /** When not drained in time: remaining / observed rate, in seconds. */
  projectedSecondsLeft: number | null;
  /** Cores used per process while draining: low figures mean the worker waits, not works. */
  cores?: CoresUsed;
}

const PENDING = `SELECT count(*)::int AS pending, count(*) FILTER (WHERE "error" IS NOT NULL)::int AS failed
  FROM "InboundEvent" WHERE "processedAt" IS NULL AND "inboxId" = $1`;

export async function pendingEvents(db: pg.Pool, inboxId: string): Promise<{ pending: number; failed: number }> {
  const { rows } = await db.query<{ pending: number; failed: number }>(PENDING, [inboxId]);
  return rows[0];
}

export async function waitForDrain(db: pg.Pool, inboxId: string, onProgress: (pending: number) => void, probe?: CpuProbe): Promise<BacklogResult> {
  await probe?.start();
  const started = performance.now();
  const first = await pendingEvents(db, inboxId);
  let last = first;
  let lastReport = started;
  while (last.pending > 0 && performance.now() - started < SETTINGS.backlog.maxWaitMs) {
    await sleep(SETTINGS.backlog.pollMs);
    last = await pendingEvents(db, inboxId);
    if (performance.now() - lastReport > 10_000) {
      onProgress(last.pending);
      lastReport = performance.now();
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const cores = await probe?.stop();
  const drained = last.pending === 0;
  const rate = seconds > 0 ? (first.pending - last.pending) / seconds : null;
  return {
    atStart: first.pending,
    drainSeconds: drained ? round(seconds, 1) : null,
    remaining: last.pending,
    withErrors: last.failed,
    eventsPerSecond: rate === null ? null : round(rate, 1),
    projectedSecondsLeft: drained || !rate ? null : round(last.pending / rate, 0),
    ...(cores && { cores }),
  };
}
