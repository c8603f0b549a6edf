/**
 * The worker's connections recover by themselves from a database restart: the dispatcher's LISTEN
 * connection, pg-boss, the pool, and the Socket.IO adapter's LISTEN connection. Uses an embedded
 * PostgreSQL this test starts and restarts itself (never a shared server).
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDb } from '@/lib/server/embedded-postgres';
import { migrate } from '@/lib/server/migrate';
import { TEST_APP_SECRET } from '@/lib/testing/database';
import { until } from '@/lib/testing/app-harness';

const PORT = 5571; // this helper's own range; never the shared 5432
let dir: string;
let embedded: EmbeddedDb;
let url: string;
let http: Server;
let io: Awaited<ReturnType<typeof import('@/lib/realtime/server').attachRealtime>>;
let stopDispatcher: () => Promise<void>;
const uncaught: unknown[] = [];
const onUncaught = (err: unknown) => uncaught.push(err);

const start = () => startEmbeddedPostgres({ dataDir: dir, port: PORT, password: 'reconnect-test-password', database: 'reconnect', persistent: true });

async function listeners(): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query(`SELECT query FROM pg_stat_activity WHERE datname = 'reconnect' AND query LIKE 'LISTEN %' AND pid <> pg_backend_pid()`);
    return rows.map((r) => r.query as string).sort();
  } finally {
    await c.end();
  }
}

beforeAll(async () => {
  process.on('uncaughtException', onUncaught);
  dir = await mkdtemp(path.join(tmpdir(), 'sb-reconnect-'));
  embedded = await start();
  url = embedded.url;
  await migrate(url);
  process.env.DATABASE_URL = url;
  process.env.APP_SECRET = TEST_APP_SECRET;
  process.env.PUBLIC_URL = 'http://127.0.0.1:3701';
  process.env.LOG_LEVEL ??= 'warn';
  http = createServer();
  await new Promise<void>((r) => http.listen(3701, '127.0.0.1', r));
  const { attachRealtime } = await import('@/lib/realtime/server');
  io = await attachRealtime(http);
  const { boss } = await import('@/lib/jobs/boss');
  const { startWorking } = await import('@/worker/registry');
  stopDispatcher = await startWorking(await boss({ listen: true }), 2);
}, 60_000);

afterAll(async () => {
  process.off('uncaughtException', onUncaught);
  await stopDispatcher?.();
  await new Promise((r) => io?.close(r)); // releases the adapter's pooled LISTEN client
  const { stopBoss } = await import('@/lib/jobs/boss');
  await stopBoss().catch(() => undefined);
  await (await import('@/lib/db')).closeDb().catch(() => undefined);
  http?.closeAllConnections();
  http?.close();
  await embedded?.stop();
  await rm(dir, { recursive: true, force: true });
});

describe('after a database restart', () => {
  it('the dispatcher and Socket.IO adapter LISTEN again, pg-boss and the pool work again, and nothing crashed', async () => {
    const expected = ['LISTEN "socket.io#/"', 'LISTEN sb_inbound_event'];
    const ours = async () => (await listeners()).filter((l) => expected.includes(l));
    await until(async () => JSON.stringify(await ours()) === JSON.stringify(expected), 15_000);

    await embedded.stop();
    await new Promise((r) => setTimeout(r, 1000));
    embedded = await start();
    const restartedAt = Date.now();

    let seen: string[] = [];
    await until(async () => JSON.stringify((seen = await ours().catch(() => []))) === JSON.stringify(expected), 30_000)
      .catch((err) => { throw new Error(`${err.message}: LISTEN sessions ${JSON.stringify(seen)}, uncaught ${uncaught.map(String).join('; ')}`); });
    const relistenMs = Date.now() - restartedAt;

    // A webhook stored after the restart becomes a message: pool, dispatcher and pg-boss recovered.
    const { makeMessengerInbox, makeUser, messengerText, metaJson, signedWebhook } = await import('@/lib/testing/fixtures');
    const { db } = await import('@/lib/db');
    const admin = await until(() => makeUser('admin').catch(() => null), 15_000);
    const inbox = await makeMessengerInbox(admin);
    const { handleWebhookRequest } = await import('@/lib/ingress/webhook');
    expect((await handleWebhookRequest(signedWebhook(inbox.webhookUrl, metaJson(messengerText('9001', 'm_after_restart', 'after the restart'))))).status).toBe(200);
    await until(() => db().message.findFirst({ where: { externalId: 'm_after_restart' } }), 20_000);
    expect(uncaught).toEqual([]);
    // The adapter's ended LISTEN client went back to the pool (discarded), not leaked.
    const { pool } = await import('@/lib/db');
    await until(async () => pool().totalCount - pool().idleCount === 1, 5000); // only the live LISTEN client is out
    console.info(`LISTEN connections back ${relistenMs} ms after the restart`);
  }, 90_000);
});
