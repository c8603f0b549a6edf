/**
 * When no pooled connection frees up in time, callers get 503 with Retry-After instead of hanging
 * or a 500: the REST API through a real route handler, and webhooks through the real HTTP ingress
 * (so the provider retries). Every connection of the production-size pool is held by the test.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { makeMessengerInbox, makeUser, messengerText, metaJson, signedWebhook } from '@/lib/testing/fixtures';

let db: typeof import('@/lib/db');
let server: Server;

beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  process.env.DB_CONNECT_TIMEOUT_MS = '500';
  server = createServer((req, res) => void import('@/lib/server/node-webhook').then((m) => m.serveWebhook(req, res)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.PUBLIC_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await useTestDatabase();
  db = await import('@/lib/db');
});
afterAll(async () => {
  await db?.closeDb();
  server?.close();
});

async function withPoolExhausted(fn: () => Promise<void>) {
  const held: pg.PoolClient[] = [];
  for (let i = 0; i < db.POOL_MAX; i++) held.push(await db.pool().connect());
  try {
    await fn();
  } finally {
    for (const c of held) c.release();
  }
}

describe('no database connection in time', () => {
  it('the REST API answers 503 busy with Retry-After', async () => {
    const { GET } = await import('@/app/api/setup/route');
    await withPoolExhausted(async () => {
      const res = await GET(new Request('http://localhost/api/setup'), { params: Promise.resolve({}) });
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect((await res.json()).error.code).toBe('busy');
    });
    expect((await GET(new Request('http://localhost/api/setup'), { params: Promise.resolve({}) })).status).toBe(200);
  });

  it('a webhook gets 503 with Retry-After (not acknowledged, so the provider retries), and is stored once retried', async () => {
    const inbox = await makeMessengerInbox(await makeUser('admin'));
    const send = () => {
      const req = signedWebhook(inbox.webhookUrl, metaJson(messengerText('psid-busy', 'm_busy', 'hello')));
      return fetch(req.url, { method: 'POST', headers: req.headers, body: new Uint8Array(req.rawBody) });
    };
    expect((await send()).status).toBe(200); // inbox now cached in the process, as in production
    await db.db().inboundEvent.deleteMany({});
    await withPoolExhausted(async () => {
      const res = await send();
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    });
    expect((await send()).status).toBe(200);
    expect(await db.db().inboundEvent.count()).toBe(1);
  });
});

describe('the webhook route handler (the same ingress under next dev)', () => {
  it('answers 503 with Retry-After when busy, and 413 for a streamed body over the cap', async () => {
    const { POST } = await import('@/app/api/webhooks/[channel]/[key]/route');
    const inbox = await makeMessengerInbox(await makeUser('admin'));
    const signed = signedWebhook(inbox.webhookUrl, metaJson(messengerText('psid-route', 'm_route', 'hello')));
    const request = (body: BodyInit = new Uint8Array(signed.rawBody)) => new Request(signed.url, { method: 'POST', headers: signed.headers, body, duplex: 'half' } as RequestInit);
    expect((await POST(request())).status).toBe(200);
    await withPoolExhausted(async () => {
      const res = await POST(request());
      expect(res.status).toBe(503);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    });
    const endless = new ReadableStream({ pull: (c) => c.enqueue(new Uint8Array(64 * 1024)) });
    expect((await POST(request(endless))).status).toBe(413);
  });
});

describe('database role timeouts', () => {
  it('every new connection of the app gets lock_timeout and statement_timeout from the role', async () => {
    const { rows: [settings] } = await db.pool().query<{ lock_timeout: string; statement_timeout: string }>("SELECT current_setting('lock_timeout') AS lock_timeout, current_setting('statement_timeout') AS statement_timeout");
    expect(settings).toEqual({ lock_timeout: '5s', statement_timeout: '30s' });
  });
});

describe('isDatabaseBusy', () => {
  it("recognises pg-pool's connect timeout, its Prisma rethrow, lock and statement timeouts, and nothing else", async () => {
    const { isDatabaseBusy } = await import('@/lib/db-busy');
    const prisma = db.db();
    await withPoolExhausted(async () => {
      const viaPrisma = await prisma.user.count().catch((e: unknown) => e);
      const viaPool = await db.pool().query('SELECT 1').catch((e: unknown) => e);
      expect(isDatabaseBusy(viaPrisma)).toBe(true);
      expect(isDatabaseBusy(viaPool)).toBe(true);
    });
    const pgMod = (await import('pg')).default;
    const [holder, waiter] = [new pgMod.Client({ connectionString: process.env.DATABASE_URL }), new pgMod.Client({ connectionString: process.env.DATABASE_URL })];
    await Promise.all([holder.connect(), waiter.connect()]);
    try {
      await holder.query('SELECT pg_advisory_lock(42)');
      const lockTimeout = await waiter.query("SET lock_timeout = '50ms'; SELECT pg_advisory_lock(42)").catch((e: unknown) => e);
      expect(lockTimeout).toMatchObject({ code: '55P03' });
      expect(isDatabaseBusy(lockTimeout)).toBe(true);
      const statementTimeout = await waiter.query("SET statement_timeout = '10ms'; SELECT pg_sleep(1)").catch((e: unknown) => e);
      expect(statementTimeout).toMatchObject({ code: '57014' });
      expect(isDatabaseBusy(statementTimeout)).toBe(true);
    } finally {
      await Promise.all([holder.end(), waiter.end()]);
    }
    expect(isDatabaseBusy(new Error('duplicate key value violates unique constraint'))).toBe(false);
    expect(isDatabaseBusy(Object.assign(new Error('syntax error'), { code: '42601' }))).toBe(false);
  });
});
