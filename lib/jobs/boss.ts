/**
 * The pg-boss instance of this process. Web uses it to enqueue (inside its own transactions via
 * `sqlExecutor`), the worker to work. LISTEN/NOTIFY makes a job start within milliseconds.
 */
import { PgBoss } from 'pg-boss';
import type pg from 'pg';
import { runtimeEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { QUEUE_DEFINITIONS, type JobPayloads } from './contracts';

const g = globalThis as unknown as { __sbBoss?: Promise<PgBoss> };

/** `listen`: the worker holds a LISTEN connection so jobs start within milliseconds. */
export function boss(opts: { listen?: boolean } = {}): Promise<PgBoss> {
  if (!g.__sbBoss) {
    g.__sbBoss = (async () => {
      const b = new PgBoss({ connectionString: runtimeEnv().DATABASE_URL, max: 4, useListenNotify: opts.listen ?? false, supervise: opts.listen ?? false, schedule: false,
        // How soon a job whose heartbeat stopped (see QUEUE_DEFINITIONS) is retried.
        monitorIntervalSeconds: 10, superviseIntervalSeconds: 10 });
      // 57P01: the database is shutting down (Ctrl-C reaches the embedded Postgres too); not a fault.
      b.on('error', (err) => ((err as { code?: string }).code === '57P01' ? logger.info('database shutting down') : logger.error({ err }, 'pg-boss error')));
      await b.start();
      for (const q of QUEUE_DEFINITIONS) {
        const existing = await b.getQueue(q.name);
        if (!existing) await b.createQueue(q.name, q);
        // Installs whose queues predate the heartbeat get it too.
        else if (existing.heartbeatSeconds !== (q.heartbeatSeconds ?? null)) await b.updateQueue(q.name, { heartbeatSeconds: q.heartbeatSeconds ?? null });
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
