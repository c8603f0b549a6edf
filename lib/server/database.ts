/**
 * Where the database is: DATABASE_URL when set; otherwise the embedded PostgreSQL under DATA_DIR,
 * reused when `npm start` already runs it, or started here (and stopped by the caller).
 */
import path from 'node:path';
import pg from 'pg';
import type { Env } from '../env';
import { embeddedUrl, startEmbeddedPostgres, type EmbeddedDb } from './embedded-postgres';
import { embeddedPgPassword } from './secrets-store';

/** The embedded database's URL, with the password kept in DATA_DIR/secrets.json. */
export async function embeddedUrlFor(dataDir: string, port: number): Promise<string> {
  return embeddedUrl(port, await embeddedPgPassword(dataDir));
}

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
  const dataDir = path.resolve(root, env.DATA_DIR);
  const password = await embeddedPgPassword(dataDir);
  const url = embeddedUrl(env.EMBEDDED_PG_PORT, password);
  if (opts.reuseRunning && (await answers(url))) return { url };
  const embedded = await startEmbeddedPostgres({ dataDir, port: env.EMBEDDED_PG_PORT, password });
  return { url: embedded.url, embedded };
}
