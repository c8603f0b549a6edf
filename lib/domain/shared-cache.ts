/**
 * The SharedCache connectors use for state every process must agree on (WeChat's access token:
 * a new one invalidates the old, so exactly one refresher may fetch it). Rows in CacheEntry;
 * the lock is a Postgres advisory lock held for the duration of `fn`.
 */
import type { ConnectorDeps, SharedCache } from '@/lib/channels/types';
import { pool } from '@/lib/db';

const ADD_IF_ABSENT = `INSERT INTO "CacheEntry" ("key", "value", "expiresAt") VALUES ($1, $2, now() + make_interval(secs => $3))
ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "expiresAt" = EXCLUDED."expiresAt"
WHERE "CacheEntry"."expiresAt" <= now()`;

// Keys that are never written again (nonces) would otherwise stay forever: at most once a minute
// per process, delete a bounded batch of expired rows (the expiresAt index finds them).
const PRUNE = `DELETE FROM "CacheEntry" WHERE "key" IN (
  SELECT "key" FROM "CacheEntry" WHERE "expiresAt" < now() ORDER BY "expiresAt" LIMIT 500 FOR UPDATE SKIP LOCKED)`;
const PRUNE_EVERY_MS = 60_000;
let lastPruneAt = 0;

/** Fire and forget: pruning is housekeeping and must never fail or slow the caller. */
function pruneExpiredSometimes(): void {
  const nowMs = Date.now();
  if (nowMs - lastPruneAt < PRUNE_EVERY_MS) return;
  lastPruneAt = nowMs;
  void pruneExpiredCacheEntries().catch(() => undefined);
}

export async function pruneExpiredCacheEntries(): Promise<number> {
  return (await pool().query(PRUNE)).rowCount ?? 0;
}

export const postgresCache: SharedCache = {
  async get(key) {
    const { rows } = await pool().query<{ value: string }>('SELECT "value" FROM "CacheEntry" WHERE "key" = $1 AND "expiresAt" > now()', [key]);
    return rows[0]?.value ?? null;
  },
  async set(key, value, ttlSeconds) {
    await pool().query(
      `INSERT INTO "CacheEntry" ("key", "value", "expiresAt") VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "expiresAt" = EXCLUDED."expiresAt"`,
      [key, value, ttlSeconds],
    );
  },
  async delete(key) {
    await pool().query('DELETE FROM "CacheEntry" WHERE "key" = $1', [key]);
  },
  async addIfAbsent(key, value, ttlSeconds) {
    // One statement, so two processes racing for the same key cannot both win; an expired row
    // is taken over in place (the WHERE on DO UPDATE), which also keeps the table from growing.
    const { rowCount } = await pool().query(ADD_IF_ABSENT, [key, value, ttlSeconds]);
    pruneExpiredSometimes();
    return rowCount === 1;
  },
  async withLock(key, fn) {
    const client = await pool().connect();
    try {
      await client.query('SELECT pg_advisory_lock(hashtextextended($1, 1))', [`cache:${key}`]);
      return await fn();
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 1))', [`cache:${key}`]).catch(() => undefined);
      client.release();
    }
  },
};

/** What the app lends connectors. */
export function connectorDeps(): ConnectorDeps {
  return { fetch, now: () => new Date(), cache: postgresCache };
}
