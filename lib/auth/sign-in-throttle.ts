/**
 * Sign-in throttling, shared by every web process through PostgreSQL. Two counters per failed
 * attempt: the (email, address) pair, and the address across all accounts (looser). A counter
 * that reaches its limit within its window locks that key until `lockedUntil`; a successful
 * sign-in clears the pair's counter. Times come from the caller so tests can move the clock.
 */
import { pool } from '@/lib/db';

export interface ThrottleRule { maxFailures: number; windowMs: number; lockMs: number }

export const PAIR_RULE: ThrottleRule = { maxFailures: 10, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };
export const ADDRESS_RULE: ThrottleRule = { maxFailures: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

const pairKey = (email: string, address: string) => `pair:${email.trim().toLowerCase()}|${address}`;
const addressKey = (address: string) => `addr:${address}`;

/** When the pair or the address is locked at `now`, the later of the two unlock times. */
export async function lockedUntil(email: string, address: string, now: Date): Promise<Date | null> {
  const { rows } = await pool().query<{ until: Date | null }>(
    `SELECT max("lockedUntil") AS until FROM "SignInThrottle" WHERE key = ANY($1) AND "lockedUntil" > $2`,
    [[pairKey(email, address), addressKey(address)], now],
  );
  return rows[0]?.until ?? null;
}

export interface FailureResult { pairFailures: number; addressFailures: number; lockedUntil: Date | null; lockedNow: boolean }

/** Counts one failure on both keys; returns the lock if this failure started one. */
export async function recordFailure(email: string, address: string, now: Date): Promise<FailureResult> {
  const pair = await bump(pairKey(email, address), PAIR_RULE, now);
  const addr = await bump(addressKey(address), ADDRESS_RULE, now);
  const locks = [pair, addr].map((b) => b.lockedUntil).filter((d): d is Date => !!d && d > now);
  const until = locks.length ? new Date(Math.max(...locks.map((d) => d.getTime()))) : null;
  if (Math.random() < 0.02) void pruneExpired(now).catch(() => undefined);
  return { pairFailures: pair.failures, addressFailures: addr.failures, lockedUntil: until, lockedNow: pair.lockedNow || addr.lockedNow };
}

export async function clearPair(email: string, address: string): Promise<void> {
  await pool().query(`DELETE FROM "SignInThrottle" WHERE key = $1`, [pairKey(email, address)]);
}

/** One atomic upsert: a window that ended starts over at 1; reaching the limit sets the lock. */
async function bump(key: string, rule: ThrottleRule, now: Date): Promise<{ failures: number; lockedUntil: Date | null; lockedNow: boolean }> {
  const windowStart = new Date(now.getTime() - rule.windowMs);
  const lockEnd = new Date(now.getTime() + rule.lockMs);
  const { rows } = await pool().query<{ failures: number; lockedUntil: Date | null; lockedNow: boolean }>(
    `INSERT INTO "SignInThrottle" AS t (key, failures, "windowStartedAt", "lockedUntil")
       VALUES ($1, 1, $2, CASE WHEN 1 >= $5 THEN $4::timestamp ELSE NULL END)
     ON CONFLICT (key) DO UPDATE SET
       failures = CASE WHEN t."windowStartedAt" <= $3 THEN 1 ELSE t.failures + 1 END,
       "windowStartedAt" = CASE WHEN t."windowStartedAt" <= $3 THEN $2 ELSE t."windowStartedAt" END,
       "lockedUntil" = CASE
         WHEN (CASE WHEN t."windowStartedAt" <= $3 THEN 1 ELSE t.failures + 1 END) >= $5
              AND (t."lockedUntil" IS NULL OR t."lockedUntil" <= $2) THEN $4::timestamp
         ELSE t."lockedUntil" END
     RETURNING failures, "lockedUntil", ("lockedUntil" = $4::timestamp) AS "lockedNow"`,
    [key, now, windowStart, lockEnd, rule.maxFailures],
  );
  return { failures: rows[0].failures, lockedUntil: rows[0].lockedUntil, lockedNow: rows[0].lockedNow === true };
}

/** Rows whose window and lock have both passed carry no information. */
async function pruneExpired(now: Date): Promise<void> {
  const oldest = new Date(now.getTime() - Math.max(PAIR_RULE.windowMs, ADDRESS_RULE.windowMs));
  await pool().query(
    `DELETE FROM "SignInThrottle" WHERE key IN (
       SELECT key FROM "SignInThrottle" WHERE "windowStartedAt" <= $1 AND ("lockedUntil" IS NULL OR "lockedUntil" <= $2) LIMIT 500)`,
    [oldest, now],
  );
}
