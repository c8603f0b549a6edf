/**
 * A fresh database per test file, copied from the migrated template, and the process env the
 * app's modules read (DATABASE_URL, APP_SECRET). Call before anything touches lib/db.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { parseEnv } from '../env';
import { applyDatabaseTimeouts } from '../server/database-timeouts';

export const TEST_APP_SECRET = 'test-app-secret-0123456789abcdef0123456789abcdef';

export function databaseUrl(adminUrl: string, db: string): string {
  const u = new URL(adminUrl);
  u.pathname = `/${db}`;
  return u.toString();
}

export async function createTestDatabase(opts: { migrated?: boolean } = {}): Promise<string> {
  const adminUrl = inject('pgAdminUrl');
  const name = `sb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(opts.migrated === false ? `CREATE DATABASE ${name}` : `CREATE DATABASE ${name} TEMPLATE sb_test_template`);
  } finally {
    await admin.end();
  }
  return databaseUrl(adminUrl, name);
}

/** Points this test process at a fresh migrated database. */
export async function useTestDatabase(): Promise<string> {
  const url = await createTestDatabase();
  // As `npm start` does: the role's lock and statement timeouts, at their default values.
  const defaults = parseEnv({});
  const applied = await applyDatabaseTimeouts(url, { lockTimeoutMs: defaults.DB_LOCK_TIMEOUT_MS, statementTimeoutMs: defaults.DB_STATEMENT_TIMEOUT_MS });
  if (!applied.ok) throw new Error(`could not set the test database's timeouts: ${applied.error}`);
  process.env.DATABASE_URL = url;
  process.env.APP_SECRET = TEST_APP_SECRET;
  process.env.PUBLIC_URL ??= 'http://127.0.0.1:3999';
  process.env.LOG_LEVEL ??= 'warn';
  // Simulators and fake providers run on 127.0.0.1 over http (vitest.config.ts sets it too).
  process.env.ALLOW_INSECURE_PROVIDER_URLS ??= 'true';
  return url;
}
