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
import { untrustedFetch } from '@/lib/net';

// Inserts a row, or takes over an expired one; rowCount 0 while a live row holds the key (a lock
// lease or a seen nonce).
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

/** A holder that takes longer than this may see another process enter (callers re-check the cache first). */
export const LOCK_LEASE_SECONDS = 60;
/** How long a caller waits for the lock before giving up (SharedCacheBusyError, answered as 503 / retried). */
export const LOCK_WAIT_MS = 10_000;
const LOCK_ROW = (key: string) => `lock:${key}`;
const FIRST_RETRY_MS = 10;
const MAX_RETRY_MS = 250;

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
    const { rowCount } = await query(ADD_IF_ABSENT, [LOCK_ROW(key), owner, LOCK_LEASE_SECONDS]);
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
  async addIfAbsent(key, value, ttlSeconds) {
    // One statement, so two processes racing for the same key cannot both win; an expired row
    // is taken over in place (the WHERE on DO UPDATE), which also keeps the table from growing.
    const { rowCount } = await query(ADD_IF_ABSENT, [key, value, ttlSeconds]);
    pruneExpiredSometimes();
    return rowCount === 1;
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
  return { fetch, fetchUntrusted: untrustedFetch(), now: () => new Date(), cache: postgresCache };
}
