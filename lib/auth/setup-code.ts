/**
 * The one-time setup code for first run on an exposed machine (as Grafana and Jupyter do): `npm
 * start` or `npm run cli -- setup:code` issues one and prints it; only its sha256 is kept, in the
 * database, so any web process can check it. A request from loopback needs no code. The code is
 * compared in constant time and deleted once the first admin exists.
 */
import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

interface Queryable { query(sql: string, values?: unknown[]): Promise<{ rows: Array<Record<string, unknown>> }> }

// No 0/O, 1/I: easy to copy from a terminal. 16 characters of 32 = 80 bits.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function newSetupCode(): string {
  const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** Spaces, dashes and case do not matter when the code is typed back. */
const digest = (code: string) => createHash('sha256').update(code.replace(/[\s-]/g, '').toUpperCase()).digest();

/** Replaces any earlier code; returns the new one (shown once, never stored). */
export async function issueSetupCode(db: Queryable): Promise<string> {
  const code = newSetupCode();
  await db.query(
    `INSERT INTO "SetupCode" (id, "codeHash", "createdAt") VALUES (1, $1, now()) ON CONFLICT (id) DO UPDATE SET "codeHash" = EXCLUDED."codeHash", "createdAt" = EXCLUDED."createdAt"`,
    [digest(code).toString('hex')],
  );
  return code;
}

export async function setupCodeMatches(db: Queryable, code: string): Promise<boolean> {
  if (code.length > 64) return false;
  const { rows } = await db.query(`SELECT "codeHash" FROM "SetupCode" WHERE id = 1`);
  const stored = rows[0]?.codeHash;
  if (typeof stored !== 'string') return false;
  return timingSafeEqual(Buffer.from(stored, 'hex'), digest(code));
}

export async function discardSetupCode(db: Queryable): Promise<void> {
  await db.query(`DELETE FROM "SetupCode"`);
}

export async function hasUsers(db: Queryable): Promise<boolean> {
  const { rows } = await db.query(`SELECT EXISTS (SELECT 1 FROM "User") AS any`);
  return rows[0]?.any === true;
}
