/**
 * The SharedCache connectors use for state every process must agree on (WeChat's access token:
 * a new one invalidates the old, so exactly one refresher may fetch it). Rows in CacheEntry;
 * the lock is a Postgres advisory lock held for the duration of `fn`.
 */
import type { ConnectorDeps, SharedCache } from '@/lib/channels/types';
import { pool } from '@/lib/db';
import { untrustedFetch } from '@/lib/net';

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
  return { fetch, fetchUntrusted: untrustedFetch(), now: () => new Date(), cache: postgresCache };
}
