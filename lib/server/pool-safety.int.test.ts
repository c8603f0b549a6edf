/**
 * Fault tests of issue 6 §1: floods that used to exhaust or deadlock the database pool, at the
 * production pool size against a real PostgreSQL, through the real route handlers and the real
 * webhook ingress over HTTP. After each flood GET /api/health must answer 200 within a second (a
 * worker heartbeat row is written, so health depends on the database only).
 */
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectorToken, makeTestKey } from '@/lib/channels/botframework/test-tokens';
import { useTestDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/fixtures';

let db: typeof import('@/lib/db');
let ingress: Server;
let keyServer: Server;
const ctx = { params: Promise.resolve({}) };
const listen = async (server: Server) => {
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};

beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  process.env.ALLOW_INSECURE_PROVIDER_URLS = 'true'; // the local OpenID server below is http on loopback
  ingress = createServer((req, res) => void import('@/lib/server/node-webhook').then((m) => m.serveWebhook(req, res)));
  process.env.PUBLIC_URL = await listen(ingress);
  await useTestDatabase();
  db = await import('@/lib/db');
  expect(db.POOL_MAX).toBe(10);
  await db.db().workerHeartbeat.create({ data: { id: 'pool-safety', host: 'test', pid: process.pid, startedAt: new Date(), lastSeenAt: new Date(Date.now() + 3600_000) } });
});
afterAll(async () => {
  await db?.closeDb();
  ingress?.close();
  keyServer?.close();
});

/** Resolves to the value, or to 'timeout' once ms have passed. */
const within = <T>(ms: number, p: Promise<T>) => Promise.race([p, new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), ms).unref())]);

async function health() {
  const { GET } = await import('@/app/api/health/route');
  const res = await within(1000, GET());
  return res === 'timeout' ? 'timeout' : res.status;
}

describe('50 concurrent anonymous POST /api/setup on an installed system', () => {
  it('all settle within 5 s (409 before any lock, then 429 per address), then health answers 200 within 1 s', async () => {
    await makeUser('admin');
    const { POST } = await import('@/app/api/setup/route');
    expect(await health()).toBe(200); // modules loaded and pool warm before the clock starts
    const started = Date.now();
    const flood = Promise.all(Array.from({ length: 50 }, () =>
      POST(new Request('http://localhost/api/setup', { method: 'POST', headers: { 'x-switchboard-client-address': '203.0.113.7' }, body: '{}' }), ctx).then(async (r) => ({ status: r.status, retryAfter: r.headers.get('retry-after'), code: (await r.json()).error?.code }))));
    const results = await within(5000, flood);
    expect(results, 'the flood did not settle within 5 s').not.toBe('timeout');
    const settled = results as Exclude<typeof results, 'timeout'>;
    console.log(`setup flood settled in ${Date.now() - started} ms`);
    expect(settled.filter((r) => r.status === 409).every((r) => r.code === 'already_set_up')).toBe(true);
    expect(settled.filter((r) => r.status === 409)).toHaveLength(10);
    expect(settled.filter((r) => r.status === 429).every((r) => Number(r.retryAfter) > 0)).toBe(true);
    expect(settled.filter((r) => r.status === 429)).toHaveLength(40);
    expect(await health()).toBe(200);
  });

  it('answers 409 without waiting for the first-run lock, even while another session holds it', async () => {
    const pg = (await import('pg')).default;
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(724007002)');
      const { POST } = await import('@/app/api/setup/route');
      const res = await within(1000, POST(new Request('http://localhost/api/setup', { method: 'POST', headers: { 'x-switchboard-client-address': '203.0.113.8' }, body: '{}' }), ctx));
      expect(res === 'timeout' ? 'timeout' : res.status).toBe(409);
    } finally {
      await holder.end();
    }
  });

  it('refuses a body over 16 KB with 413 before reading it whole', async () => {
    await db.db().user.deleteMany({});
    try {
      const { POST } = await import('@/app/api/setup/route');
      const big = JSON.stringify({ name: 'x'.repeat(20_000), email: 'a@example.com', password: 'long enough password' });
      const res = await POST(new Request('http://localhost/api/setup', { method: 'POST', headers: { 'x-switchboard-client-address': '203.0.113.9' }, body: big }), ctx);
      expect(res.status).toBe(413);
      expect(await db.db().user.count()).toBe(0);
    } finally {
      await makeUser('admin');
    }
  });
});

describe('50 concurrent SharedCache.withLock callers whose work uses the pool', () => {
  it('all complete, one holder at a time per key, and health answers 200 within 1 s', async () => {
    const { postgresCache: cache } = await import('@/lib/domain/shared-cache');
    let inside = 0;
    let maxInside = 0;
    // Read-modify-write through the pool (and Prisma) while holding the lock: lost updates would show.
    const increment = () => cache.withLock('counter', async () => {
      maxInside = Math.max(maxInside, ++inside);
      const n = Number((await cache.get('counter-value')) ?? 0);
      await db.db().user.count();
      await cache.set('counter-value', String(n + 1), 60);
      inside--;
    });
    const results = await within(10_000, Promise.all(Array.from({ length: 50 }, increment)));
    expect(results).not.toBe('timeout');
    expect(await cache.get('counter-value')).toBe('50');
    expect(maxInside).toBe(1);
    expect(await health()).toBe(200);
  });

  it('50 holders of 50 different keys, each needing another connection, cannot deadlock the pool', async () => {
    const { postgresCache: cache } = await import('@/lib/domain/shared-cache');
    const done = await within(10_000, Promise.all(Array.from({ length: 50 }, (_, i) => cache.withLock(`key-${i}`, async () => {
      await cache.set(`value-${i}`, 'x', 60);
      await new Promise((r) => setTimeout(r, 20));
      return db.db().user.count();
    }))));
    expect(done).not.toBe('timeout');
    expect(await health()).toBe(200);
  });
});

describe('50 concurrent Bot Framework activities signed with random kids, through the real webhook ingress', () => {
  it('are refused with 401/403 within 5 s, cause at most one key-set fetch, and health answers 200 within 1 s', async () => {
    const key = makeTestKey('published-key');
    let jwksFetches = 0;
    keyServer = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/v1/.well-known/openidconfiguration') return void res.end(JSON.stringify({ issuer: 'https://api.botframework.com', jwks_uri: `${base}/v1/.well-known/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      if (req.url === '/v1/.well-known/keys') {
        jwksFetches++;
        return void setTimeout(() => res.end(JSON.stringify({ keys: [key.jwk] })), 100); // a realistic round trip
      }
      res.statusCode = 404;
      res.end('{}');
    });
    const base = await listen(keyServer);
    const { createInbox } = await import('@/lib/domain/inboxes');
    const appId = '9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a';
    const inbox = await createInbox(await makeUser('admin'), { channel: 'botframework', name: 'Teams', config: { appId, appPassword: 'secret~0123456789', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', openIdMetadataUrl: `${base}/v1/.well-known/openidconfiguration`, tokenEndpoint: `${base}/token` } });
    const serviceUrl = 'https://smba.trafficmanager.net/amer/';
    const signed = (kid: string) => {
      const body = JSON.stringify({ type: 'message', id: randomUUID(), channelId: 'msteams', serviceUrl, from: { id: '29:user' }, conversation: { id: 'a:1' }, recipient: { id: `28:${appId}` }, text: 'hi', timestamp: new Date().toISOString() });
      return { body, headers: { 'content-type': 'application/json', authorization: `Bearer ${connectorToken(key, { appId, serviceUrl, kid })}` } };
    };
    const post = (request: ReturnType<typeof signed>) => fetch(inbox.webhookUrl, { method: 'POST', ...request }).then((r) => r.status);
    // The key set is loaded once by a genuine key id (no forced refresh spent).
    expect(await post(signed('published-key'))).toBe(200);
    expect(jwksFetches).toBe(1);

    const forged = Array.from({ length: 50 }, () => signed(randomUUID())); // signed before the clock starts
    const started = Date.now();
    const statuses = await within(5000, Promise.all(forged.map(post)));
    expect(statuses, 'the flood did not settle within 5 s').not.toBe('timeout');
    console.log(`random-kid flood settled in ${Date.now() - started} ms`);
    for (const s of statuses as number[]) expect([401, 403]).toContain(s);
    console.log(`key-set fetches during the flood: ${jwksFetches - 1}`);
    expect(jwksFetches - 1).toBeLessThanOrEqual(1);
    expect(await db.db().inboundEvent.count({ where: { inboxId: inbox.id } })).toBe(1);
    expect(await health()).toBe(200);
  });
});
