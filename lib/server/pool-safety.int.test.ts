/**
 * Fault tests of issue 6 §1: floods that used to exhaust or deadlock the database pool (production
 * pool size, real PostgreSQL, real route handlers). After each flood /api/health must answer 200
 * within a second: a worker heartbeat row is written so health depends on the database only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';

let db: typeof import('@/lib/db');
const ctx = { params: Promise.resolve({}) };

beforeAll(async () => {
  await useTestDatabase();
  process.env.LOG_LEVEL = 'silent';
  db = await import('@/lib/db');
  await db.db().workerHeartbeat.create({ data: { id: 'pool-safety', host: 'test', pid: process.pid, startedAt: new Date(), lastSeenAt: new Date(Date.now() + 3600_000) } });
});
afterAll(async () => db.closeDb());

/** Resolves to the value, or to 'timeout' once ms have passed. */
const within = <T>(ms: number, p: Promise<T>) => Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref())]);

async function healthWithin1s() {
  const { GET } = await import('@/app/api/health/route');
  const started = Date.now();
  const res = await within(1000, GET());
  return { status: res === 'timeout' ? 'timeout' : res.status, ms: Date.now() - started };
}

describe('50 concurrent anonymous POST /api/setup on an installed system', () => {
  it('all settle within 5 s, then health answers 200 within 1 s', async () => {
    await db.db().user.create({ data: { name: 'Admin', email: 'admin@example.com', role: 'admin', passwordHash: 'x' } });
    const { POST } = await import('@/app/api/setup/route');
    const flood = Promise.all(Array.from({ length: 50 }, () => POST(new Request('http://localhost/api/setup', { method: 'POST', body: '{}' }), ctx).then((r) => r.status)));
    const statuses = await within(5000, flood);
    expect(statuses).not.toBe('timeout');
    const counts = Object.groupBy(statuses as number[], String);
    // The first attempts of this address get 409 (no lock taken), the rest 429.
    expect(Object.keys(counts).sort()).toEqual(['409', '429']);
    expect(await healthWithin1s()).toMatchObject({ status: 200 });
  });
});
