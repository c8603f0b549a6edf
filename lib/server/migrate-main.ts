/**
 * `npm run migrate` and the first step of `npm run start:web`: applies pending migrations (under
 * migrate()'s advisory lock, so several web processes may start at once) and sets the database
 * role's lock/statement timeouts, as `npm start` does before it starts its children.
 */
import { parseEnv } from '../env';
import { applyDatabaseTimeouts } from './database-timeouts';
import { migrate } from './migrate';

export async function prepareDatabase(log: (m: string) => void): Promise<void> {
  const env = parseEnv();
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is required');
  const result = await migrate(env.DATABASE_URL);
  log(result.applied.length ? `Applied migrations: ${result.applied.join(', ')}` : 'Database schema is up to date');
  const timeouts = await applyDatabaseTimeouts(env.DATABASE_URL, { lockTimeoutMs: env.DB_LOCK_TIMEOUT_MS, statementTimeoutMs: env.DB_STATEMENT_TIMEOUT_MS });
  if (!timeouts.ok) log(`Warning: could not set lock_timeout/statement_timeout on the database role (${timeouts.error}); see the README (Configuration)`);
}
