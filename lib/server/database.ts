/**
 * Where the database is: DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR,
 * reused when `npm start` already runs it, or started here (and stopped by the caller).
 */
import path from 'node:path';
import pg from 'pg';
import type { Env } from '../env';
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded-postgres';

export const embeddedUrl = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/switchboard`;

async function answers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export async function resolveDatabase(env: Env, root: string, opts: { reuseRunning: boolean }): Promise<{ url: string; embedded?: EmbeddedDb }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL };
  const url = embeddedUrl(env.EMBEDDED_PG_PORT);
  if (opts.reuseRunning && (await answers(url))) return { url };
  const embedded = await startEmbeddedPostgres({ dataDir: path.resolve(root, env.DATA_DIR), port: env.EMBEDDED_PG_PORT });
  return { url: embedded.url, embedded };
}
