/**
 * The compiled processes `npm start` runs: esbuild's output must be valid JavaScript that runs
 * under plain node (no tsx), and the compiled worker must reach the database and check in.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { buildServer, SERVER_ENTRIES } from './build';

const root = process.cwd();
let outDir: string;
let url: string;

beforeAll(async () => {
  url = await useTestDatabase();
  // Inside the project, as .build/ is: the bundles import their packages from node_modules.
  mkdirSync(path.join(root, '.build'), { recursive: true });
  outDir = mkdtempSync(path.join(root, '.build', '.test-'));
  buildServer(root, outDir);
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

async function heartbeatOf(pid: number, deadline: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    while (Date.now() < deadline) {
      const { rowCount } = await client.query('SELECT 1 FROM "WorkerHeartbeat" WHERE pid = $1', [pid]);
      if (rowCount) return true;
      await new Promise((r) => setTimeout(r, 200));
    }
    return false;
  } finally {
    await client.end();
  }
}

/** Starts the compiled worker, waits for its heartbeat row, stops it with SIGTERM; returns the exit code. */
async function runCompiledWorker(): Promise<{ beat: boolean; code: number | null; output: string }> {
  const child = spawn(process.execPath, [path.join(outDir, 'worker.mjs')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, SB_PROCESS: 'worker', NODE_ENV: 'production', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const beat = await heartbeatOf(child.pid!, Date.now() + 20_000);
  child.kill('SIGTERM');
  return { beat, code: await exited, output };
}

describe('compiled processes', () => {
  it('builds every entry into JavaScript that node accepts', () => {
    for (const name of Object.keys(SERVER_ENTRIES)) {
      const check = spawnSync(process.execPath, ['--check', path.join(outDir, `${name}.mjs`)], { encoding: 'utf8' });
      expect(check.stderr, name).toBe('');
      expect(check.status, name).toBe(0);
    }
  });

  it('runs the compiled worker under plain node: it checks in, stops cleanly, and starts again on the same database', async () => {
    // The second start finds the queues the first one created (their settings are compared and kept current).
    for (const run of [1, 2]) {
      const { beat, code, output } = await runCompiledWorker();
      expect(beat, `run ${run}: heartbeat row\n${output}`).toBe(true);
      expect(code, `run ${run}: exit code\n${output}`).toBe(0);
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rowCount } = await client.query('SELECT 1 FROM "WorkerHeartbeat"');
    await client.end();
    expect(rowCount).toBe(0); // a worker that stops removes its heartbeat
  }, 60_000);

  it('start:web and start:worker refuse to start without DATABASE_URL and APP_SECRET, saying what is missing', () => {
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.APP_SECRET;
    for (const part of ['web', 'worker']) {
      const run = spawnSync(process.execPath, [path.join(root, 'lib/server/run-part.mjs'), part], { cwd: root, env, encoding: 'utf8' });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`DATABASE_URL and APP_SECRET must be set to run the ${part} on its own`);
    }
  });
});
