/**
 * What an operator does on a fresh install: first admin (POST /api/setup), an API token (the CLI,
 * with the stack's environment so it reaches the same database), then a Messenger inbox whose
 * Graph API base URL is the bench's fake Graph endpoint.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { api, apiOk } from './api';
import type { Stack } from './stack';

export interface BenchInbox {
  id: string;
  /** Path of the webhook URL (the bench always targets the stack's loopback origin). */
  webhookPath: string;
  pageId: string;
  appSecret: string;
}

export interface Provisioned {
  token: string;
  inbox: BenchInbox;
}

/** What provisioning needs of a running stack (the bench's Stack, the fault suite's processes). */
export type StackAccess = Pick<Stack, 'url' | 'env'>;

export async function provision(root: string, stack: StackAccess, graphUrl: string): Promise<Provisioned> {
  const token = await createAdminToken(root, stack, 'bench');
  // A 15-digit numeric page id and a random app secret, like a real Meta app.
  const pageId = `9${String(Date.now()).padStart(14, '0').slice(-14)}`;
  const appSecret = randomBytes(16).toString('hex');
  const created = await api<{ id: string; webhookUrl: string }>(stack.url, 'POST', '/api/v1/inboxes', {
    token,
    body: { channel: 'messenger', name: 'Bench page', config: { pageId, pageAccessToken: `EAAbench${randomBytes(16).toString('hex')}`, appSecret, apiBaseUrl: graphUrl } },
  });
  if (created.status !== 201) throw new Error(`creating the inbox failed: ${created.status} ${JSON.stringify(created.json)}`);
  return { token, inbox: { id: created.json.id, webhookPath: new URL(created.json.webhookUrl).pathname, pageId, appSecret } };
}

/** The first admin (POST /api/setup, or the CLI when users exist) and an API token for them. */
export async function createAdminToken(root: string, stack: StackAccess, label: string): Promise<string> {
  const email = `${label}-${Date.now()}@example.com`;
  const password = randomBytes(12).toString('hex');
  const setup = await apiOk<{ needsSetup: boolean }>(stack.url, 'GET', '/api/setup', 200);
  if (setup.needsSetup) {
    await apiOk(stack.url, 'POST', '/api/setup', 201, { body: { name: 'Bench Admin', email, password } });
  } else {
    // Only with BENCH_DATABASE_URL pointing at a database that already has users.
    await cli(root, stack, ['user:create', '--email', email, '--password', password, '--role', 'admin', '--name', 'Bench Admin']);
  }
  const output = await cli(root, stack, ['token:create', '--email', email, '--name', label]);
  const token = output.trim().split('\n').pop()?.trim();
  if (!token) throw new Error(`token:create printed no token:\n${output}`);
  return token;
}

/** Runs `npm run cli -- …` (without npm, to keep its banner out of the output). */
export function cli(root: string, stack: StackAccess, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'lib/cli/main.ts'), ...args], { cwd: root, env: stack.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve(out);
      else reject(new Error(`cli ${args[0]} failed (${code}):\n${out}${err}`));
    });
  });
}
