/**
 * The SharedCache connectors use for state every process must agree on (WeChat's access token:
 * a new one invalidates the old, so exactly one refresher may fetch it). Rows in CacheEntry.
 *
 * The lock is a lease row in the same table, not a session advisory lock: taking it is one short
 * statement, and NO connection is held while `fn` runs or while waiters wait (they retry with
 * jittered back-off). `fn` itself uses the pool (get/set, and whatever its caller does), so a
 * session lock pinned to a pooled connection would let enough holders and waiters take every
 * connection and deadlock the process (issue 6). A lease also works through PgBouncer's
 * transaction mode, and a crashed holder's lease simply expires.
 */
import { randomUUID } from 'node:crypto';
import { SharedCacheBusyError, type ConnectorDeps, type SharedCache } from '@/lib/channels/types';
import { isDatabaseBusy } from '@/lib/db-busy';
import type pg from 'pg';
import { pool } from '@/lib/db';

/** A holder that takes longer than this may see another process enter (callers re-check the cache first). */
export const LOCK_LEASE_SECONDS = 60;
/** How long a caller waits for the lock before giving up (SharedCacheBusyError, answered as 503 / retried). */
export const LOCK_WAIT_MS = 10_000;
const LOCK_ROW = (key: string) => `lock:${key}`;
const FIRST_RETRY_MS = 10;
const MAX_RETRY_MS = 250;

// Inserts the lease, or takes over an expired one; rowCount 0 while someone else holds it.
const ACQUIRE = `INSERT INTO "CacheEntry" ("key", "value", "expiresAt") VALUES ($1, $2, now() + make_interval(secs => $3))
  ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "expiresAt" = EXCLUDED."expiresAt"
  WHERE "CacheEntry"."expiresAt" <= now()`;

/** A pool query whose "no connection in time" failures become the contract's SharedCacheBusyError. */
async function query<R extends pg.QueryResultRow>(text: string, values: unknown[]): Promise<pg.QueryResult<R>> {
  try {
    return await pool().query<R>(text, values);
  } catch (err) {
    throw isDatabaseBusy(err) ? new SharedCacheBusyError('the shared cache is busy (no database connection in time)', { cause: err }) : err;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function acquire(key: string, owner: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (let delay = FIRST_RETRY_MS; ; delay = Math.min(delay * 2, MAX_RETRY_MS)) {
    const { rowCount } = await query(ACQUIRE, [LOCK_ROW(key), owner, LOCK_LEASE_SECONDS]);
    if (rowCount) return;
    if (Date.now() + delay > deadline) throw new SharedCacheBusyError(`timed out waiting for the shared lock "${key}" (${LOCK_WAIT_MS} ms)`);
    await sleep(delay / 2 + Math.random() * delay); // jitter: waiters do not poll in lockstep
  }
}

export const postgresCache: SharedCache = {
  async get(key) {
    const { rows } = await query<{ value: string }>('SELECT "value" FROM "CacheEntry" WHERE "key" = $1 AND "expiresAt" > now()', [key]);
    return rows[0]?.value ?? null;
  },
  async set(key, value, ttlSeconds) {
    await query(
      `INSERT INTO "CacheEntry" ("key", "value", "expiresAt") VALUES ($1, $2, now() + make_interval(secs => $3))
       ON CONFLICT ("key") DO UPDATE SET "value" = EXCLUDED."value", "expiresAt" = EXCLUDED."expiresAt"`,
      [key, value, ttlSeconds],
    );
  },
  async delete(key) {
    await query('DELETE FROM "CacheEntry" WHERE "key" = $1', [key]);
  },
  async withLock(key, fn) {
    const owner = randomUUID();
    await acquire(key, owner);
    try {
      return await fn();
    } finally {
      // Only our own lease; if this fails the lease expires on its own.
      await pool().query('DELETE FROM "CacheEntry" WHERE "key" = $1 AND "value" = $2', [LOCK_ROW(key), owner]).catch(() => undefined);
    }
  },
};

/** What the app lends connectors. */
export function connectorDeps(): ConnectorDeps {
  return { fetch, now: () => new Date(), cache: postgresCache };
}
