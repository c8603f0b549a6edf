/**
 * The pg-boss instance of this process. Web uses it to enqueue (inside its own transactions via
 * `sqlExecutor`), the worker to work. LISTEN/NOTIFY makes a job start within milliseconds.
 */
import { PgBoss } from 'pg-boss';
import type pg from 'pg';
import { pool, poolSettings } from '@/lib/db';
import { runtimeEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { queueDefinitions, type JobPayloads } from './contracts';

const g = globalThis as unknown as { __sbBoss?: Promise<PgBoss> };

/** `listen`: the worker holds a LISTEN connection so jobs start within milliseconds. */
export function boss(opts: { listen?: boolean } = {}): Promise<PgBoss> {
  if (!g.__sbBoss) {
    g.__sbBoss = (async () => {
      const b = new PgBoss({ ...poolSettings(), max: 4, useListenNotify: opts.listen ?? false, supervise: opts.listen ?? false, schedule: false,
        // How soon a job whose heartbeat stopped (see queueDefinitions) is retried.
        monitorIntervalSeconds: 10, superviseIntervalSeconds: 10 });
      // 57P01: the database is shutting down (Ctrl-C reaches the embedded Postgres too); not a fault.
      b.on('error', (err) => ((err as { code?: string }).code === '57P01' ? logger.info('database shutting down') : logger.error({ err }, 'pg-boss error')));
      await b.start();
      for (const q of queueDefinitions(runtimeEnv())) {
        const existing = await b.getQueue(q.name);
        if (!existing) await b.createQueue(q.name, q);
        else {
          // Settings (and these definitions) change between releases: keep the retry policy and the
          // heartbeat current (installs whose queues predate the heartbeat get it too).
          // Only the options a definition sets: pg-boss refuses an update naming an option as undefined.
          const wanted = Object.fromEntries((['retryLimit', 'retryDelay', 'retryBackoff', 'retryDelayMax', 'heartbeatSeconds'] as const).filter((k) => q[k] !== undefined).map((k) => [k, q[k]]));
          if (Object.entries(wanted).some(([k, v]) => existing[k as keyof typeof existing] !== v)) await b.updateQueue(q.name, wanted);
        }
      }
      return b;
    })();
    g.__sbBoss.catch(() => (g.__sbBoss = undefined));
  }
  return g.__sbBoss;
}

export async function stopBoss(): Promise<void> {
  const b = await g.__sbBoss?.catch(() => undefined);
  g.__sbBoss = undefined;
  await b?.stop({ graceful: true, timeout: 10_000 });
}

/** Lets pg-boss write its job row through a client that is inside our transaction. */
export function sqlExecutor(client: pg.PoolClient | pg.Client) {
  return { executeSql: (text: string, values?: unknown[]) => client.query(text, values as unknown[]) };
}

export async function enqueue<N extends keyof JobPayloads>(
  name: N,
  data: JobPayloads[N],
  options: { client?: pg.PoolClient; singletonKey?: string; startAfter?: Date } = {},
): Promise<string | null> {
  const b = await boss();
  return b.send(name, data as object, {
    singletonKey: options.singletonKey,
    startAfter: options.startAfter,
    db: options.client ? sqlExecutor(options.client) : undefined,
  });
}

/**
 * Sets when a job that is about to throw runs again: pg-boss applies this job's own retry_delay
 * when the handler fails it (per-job columns of pgboss.job). Used for Retry-After and the
 * delivery back-off, which a queue-wide setting cannot express.
 */
export async function setRetryDelay(jobId: string, delaySeconds: number): Promise<void> {
  await pool().query(
    `UPDATE pgboss.job SET retry_delay = $2, retry_backoff = false, retry_limit = GREATEST(retry_limit, retry_count + 1) WHERE id = $1 AND state = 'active'`,
    [jobId, Math.max(1, Math.round(delaySeconds))],
  );
}
