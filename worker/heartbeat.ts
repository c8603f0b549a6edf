/** The worker checks in every few seconds; /api/health reports whether one did recently. */
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { db } from '@/lib/db';
import { logger } from '@/lib/logger';

export const HEARTBEAT_INTERVAL_MS = 5_000;

export function startHeartbeat(): () => Promise<void> {
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const startedAt = new Date();
  const beat = () =>
    db().workerHeartbeat
      .upsert({ where: { id }, create: { id, host: hostname(), pid: process.pid, startedAt, lastSeenAt: new Date() }, update: { lastSeenAt: new Date() } })
      .catch((err) => logger.warn({ err }, 'heartbeat failed'));
  void beat();
  const timer = setInterval(beat, HEARTBEAT_INTERVAL_MS);
  return async () => {
    clearInterval(timer);
    await db().workerHeartbeat.delete({ where: { id } }).catch(() => undefined);
  };
}
