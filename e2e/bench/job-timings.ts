/**
 * Where a latency goes inside the product: for the pg-boss jobs a phase created, how long each
 * waited in the queue (created → started) and how long its handler ran (started → completed).
 * Read from pg-boss's own job table with the database clock, after the phase; percentiles cover
 * the jobs that had started (or completed) by then, so a backlog's wait is understated. Diagnostic only:
 * when pg-boss's schema differs, the breakdown is simply left out.
 */
import type pg from 'pg';
import { round } from './stats';

export interface JobTimings {
  jobs: number;
  completed: number;
  waitMs: { p50: number; p95: number; p99: number };
  runMs: { p50: number; p95: number; p99: number };
}

export async function dbNow(db: pg.Pool): Promise<Date> {
  return (await db.query<{ now: Date }>('SELECT clock_timestamp() AS now')).rows[0].now;
}

const SQL = `
  SELECT count(*)::int AS jobs,
         count(completed_on)::int AS completed,
         percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM started_on - created_on) * 1000) AS wait,
         percentile_cont(ARRAY[0.5, 0.95, 0.99]) WITHIN GROUP (ORDER BY extract(epoch FROM completed_on - started_on) * 1000) AS run
  FROM pgboss.job WHERE name = $1 AND created_on >= $2 AND created_on <= $3`;

export async function jobTimings(db: pg.Pool, queue: string, from: Date, to: Date): Promise<JobTimings | undefined> {
  try {
    const { rows } = await db.query<{ jobs: number; completed: number; wait: number[] | null; run: number[] | null }>(SQL, [queue, from, to]);
    const r = rows[0];
    const trio = (v: number[] | null) => ({ p50: round(v?.[0] ?? NaN), p95: round(v?.[1] ?? NaN), p99: round(v?.[2] ?? NaN) });
    return { jobs: r.jobs, completed: r.completed, waitMs: trio(r.wait), runMs: trio(r.run) };
  } catch {
    return undefined;
  }
}
