/** The command-line tool as a user runs it: a child process against a real database. */
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { TEST_APP_SECRET, createTestDatabase } from '@/lib/testing/database';

let env: NodeJS.ProcessEnv;
const cliWith = (childEnv: NodeJS.ProcessEnv, ...args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], { env: childEnv, encoding: 'utf8', timeout: 60_000 });
const cli = (...args: string[]) => cliWith(env, ...args);

beforeAll(async () => {
  env = { ...process.env, DATABASE_URL: await createTestDatabase(), APP_SECRET: TEST_APP_SECRET, LOG_LEVEL: 'silent' };
});

describe('npm run cli', () => {
  it('creates a user, then an API token printed as the last line, which authenticates as that user', async () => {
    const created = cli('user:create', '--email', 'Ops@Example.com', '--password', 'a long password', '--role', 'manager', '--name', 'Ops');
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/Created manager ops@example.com/);
    const token = cli('token:create', '--email', 'ops@example.com');
    expect(token.status, token.stderr).toBe(0);
    const last = token.stdout.trim().split('\n').at(-1)!;
    expect(last).toMatch(/^sbk_[A-Za-z0-9_-]{40,}$/);

    process.env.DATABASE_URL = env.DATABASE_URL;
    process.env.APP_SECRET = TEST_APP_SECRET;
    const { actorForToken } = await import('@/lib/domain/tokens');
    expect(await actorForToken(last)).toMatchObject({ email: 'ops@example.com', role: 'manager' });
    const { closeDb } = await import('@/lib/db');
    await closeDb();
  }, 90_000);

  it('refuses bad input with a clear message and a non-zero exit', () => {
    const weak = cli('user:create', '--email', 'x@example.com', '--password', 'short', '--role', 'agent');
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/at least 10 characters/);
    const role = cli('user:create', '--email', 'y@example.com', '--password', 'long enough pass', '--role', 'boss');
    expect(role.status).toBe(1);
    expect(role.stderr).toMatch(/role/i);
    const unknown = cli('token:create', '--email', 'nobody@example.com');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/No user with email nobody@example.com/);
    const usage = cli('frobnicate');
    expect(usage.status).toBe(1);
    expect(usage.stderr).toMatch(/Unknown command "frobnicate"[\s\S]*Usage:/);
  }, 90_000);

  it('setup:code prints a new one-time setup code while no user exists, and refuses once one does', async () => {
    const fresh = { ...env, DATABASE_URL: await createTestDatabase() };
    const out = cliWith(fresh, 'setup:code');
    expect(out.status, out.stderr).toBe(0);
    const code = out.stdout.trim().split('\n').at(-1)!;
    expect(code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: fresh.DATABASE_URL });
    await client.connect();
    const { setupCodeMatches } = await import('@/lib/auth/setup-code');
    expect(await setupCodeMatches(client, code)).toBe(true);
    await client.end();
    const installed = cli('setup:code'); // this database has users (first test)
    expect(installed.status).toBe(1);
    expect(installed.stderr).toMatch(/already set up/);
  }, 90_000);
});
