import { db } from '@/lib/db';
import { HEARTBEAT_STALE_MS } from '@/lib/jobs/contracts';

/** Healthy when the database answers and a worker checked in recently. */
export async function health() {
  try {
    const since = new Date(Date.now() - HEARTBEAT_STALE_MS);
    const workers = await db().workerHeartbeat.count({ where: { lastSeenAt: { gte: since } } });
    return { ok: workers > 0, database: 'ok', workers, ...(workers === 0 && { problem: 'No worker has checked in for 30 seconds: replies and incoming messages are not being processed.' }) };
  } catch (err) {
    return { ok: false, database: 'unreachable', workers: 0, problem: `Database unreachable: ${(err as Error).message}` };
  }
}
