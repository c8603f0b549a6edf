/**
 * /api/metrics over real HTTP with a real database and worker: webhook outcomes are counted,
 * the endpoint refuses callers it should, and request ids are echoed.
 */
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, until, type AppHarness } from '@/lib/testing/app-harness';

const PAGE_ID = '404217156637689';
const SECRET = 'metrics_app_secret';
const TOKEN = 'metrics-token-0123456789abcdef';
let app: AppHarness;
let webhookUrl: string;
const servers: Server[] = [];

const signed = (body: string, secret = SECRET) => ({ 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` });
const messengerText = (mid: string, text: string) => {
  const t = Date.now();
  return JSON.stringify({ object: 'page', entry: [{ id: PAGE_ID, time: t, messaging: [{ sender: { id: 'psid-1' }, recipient: { id: PAGE_ID }, timestamp: t, message: { mid, text } }] }] });
};

async function scrape(base = app.publicUrl, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/api/metrics`, { headers });
  return { status: res.status, text: await res.text(), res };
}

/** The value of one sample line, e.g. sample(text, 'switchboard_webhooks_total{channel="messenger",outcome="accepted"}'). */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/** A front door like the web process's, with other settings, on its own port. */
async function frontDoorServer(options: { trustProxy: boolean; metricsToken: string | undefined }): Promise<string> {
  const { frontDoor } = await import('@/lib/server/front-door');
  const server = createServer(frontDoor(options, (_req, res) => res.writeHead(404).end()));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A stand-in Graph API: no profiles; accepts replies, refuses those saying "fail" for good, and answers 500 to "retry". */
async function fakeGraphServer(): Promise<string> {
  let n = 0;
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST') return void res.writeHead(404, { 'content-type': 'application/json' }).end('{}'); // profile look-ups
      const text = (JSON.parse(body) as { message?: { text?: string } }).message?.text ?? '';
      const [status, answer] = text.includes('fail')
        ? [400, { error: { code: 100, message: 'Invalid parameter' } }]
        : text.includes('retry')
          ? [500, { error: { message: 'Temporarily unavailable' } }]
          : [200, { recipient_id: 'psid-1', message_id: `m_out_${++n}` }];
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

let agent: Awaited<ReturnType<typeof import('@/lib/testing/fixtures').makeUser>>;

beforeAll(async () => {
  app = await startAppHarness();
  const { createInbox } = await import('@/lib/domain/inboxes');
  const { makeUser } = await import('@/lib/testing/fixtures');
  const admin = await makeUser('admin');
  agent = await makeUser('agent');
  const inbox = await createInbox(admin, { channel: 'messenger', name: 'Metrics Page', config: { pageId: PAGE_ID, pageAccessToken: 'EAAtest', appSecret: SECRET, apiBaseUrl: await fakeGraphServer() } });
  webhookUrl = inbox.webhookUrl;
});
afterAll(async () => {
  for (const s of servers) s.close();
  await app?.close();
});

describe('GET /api/metrics', () => {
  it('counts accepted, duplicate, forged and oversize webhooks by channel and outcome', async () => {
    const body = messengerText('m_metrics_1', 'hello metrics');
    const post = (b: string, headers: Record<string, string>) => fetch(webhookUrl, { method: 'POST', headers, body: b });
    expect((await post(body, signed(body))).status).toBe(200);
    expect((await post(body, signed(body))).status).toBe(200); // the provider redelivers
    const forged = messengerText('m_metrics_2', 'forged');
    expect((await post(forged, signed(forged, 'not-the-secret'))).status).toBe(403); // Messenger's answer to a bad signature
    const huge = 'a'.repeat(1024 * 1024 + 1); // over the default WEBHOOK_MAX_BYTES
    expect((await post(huge, { 'content-type': 'application/json' })).status).toBe(413);

    const { status, text, res } = await scrape();
    expect(status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const count = (outcome: string) => sample(text, `switchboard_webhooks_total{channel="messenger",outcome="${outcome}"}`);
    expect(count('accepted')).toBe(1);
    expect(count('duplicate')).toBe(1);
    expect(count('refused_signature')).toBe(1);
    expect(count('too_large')).toBe(1);
    expect(count('malformed')).toBeUndefined();
    expect(sample(text, 'switchboard_webhook_ack_seconds_count')).toBe(4);
    expect(text).toContain('process_resident_memory_bytes'); // prom-client's default process metrics
  });

  it('reports the processing time and an empty backlog once the worker has processed the event', async () => {
    const { db } = await import('@/lib/db');
    await until(async () => (await db().message.count({ where: { text: 'hello metrics' } })) === 1);
    const { text } = await scrape();
    expect(sample(text, 'switchboard_inbound_processing_seconds_count')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'switchboard_inbound_backlog')).toBe(0);
  });

  it('counts deliveries sent, failed and retried, and times the sent ones', async () => {
    const { db } = await import('@/lib/db');
    const { createReply } = await import('@/lib/domain/messages');
    const conversation = await db().conversation.findFirstOrThrow({ where: { messages: { some: { text: 'hello metrics' } } } });
    const status = async (id: string) => (await db().message.findUniqueOrThrow({ where: { id } })).status;
    // One conversation's replies leave in order, and a retrying one holds back the next: retry last.
    const sent = await createReply(agent, conversation.id, { text: 'on its way' });
    await until(async () => (await status(sent.id)) === 'sent');
    const failed = await createReply(agent, conversation.id, { text: 'this will fail' });
    await until(async () => (await status(failed.id)) === 'failed');
    const retried = await createReply(agent, conversation.id, { text: 'this will retry' });
    await until(async () => (await db().message.findUniqueOrThrow({ where: { id: retried.id } })).errorText?.startsWith('Retrying'));

    const { text } = await scrape();
    const count = (outcome: string) => sample(text, `switchboard_deliveries_total{channel="messenger",outcome="${outcome}"}`);
    expect([count('sent'), count('failed'), count('retried')]).toEqual([1, 1, 1]);
    expect(sample(text, 'switchboard_delivery_seconds_count')).toBe(1);
  });

  it('counts unprocessed events in the backlog', async () => {
    const { pool } = await import('@/lib/db');
    const { rows } = await pool().query<{ id: string }>('SELECT "inboxId" AS id FROM "InboundEvent" LIMIT 1');
    // Rows the dispatcher never sees (dispatchedAt set) stay unprocessed: exactly these two are the backlog.
    await pool().query(`INSERT INTO "InboundEvent" ("id", "inboxId", "dedupeKey", "headers", "dispatchedAt") VALUES
      (gen_random_uuid(), $1, 'backlog-1', '{}', now()), (gen_random_uuid(), $1, 'backlog-2', '{}', now())`, [rows[0].id]);
    expect(sample((await scrape()).text, 'switchboard_inbound_backlog')).toBe(2);
    await pool().query(`UPDATE "InboundEvent" SET "failedAt" = now() WHERE "dedupeKey" = 'backlog-1'`); // a dead letter is not backlog
    expect(sample((await scrape()).text, 'switchboard_inbound_backlog')).toBe(1);
    await pool().query(`DELETE FROM "InboundEvent" WHERE "dedupeKey" LIKE 'backlog-%'`);
  });

  it('without METRICS_TOKEN, refuses a caller that is not on loopback', async () => {
    const base = await frontDoorServer({ trustProxy: true, metricsToken: undefined });
    const remote = await scrape(base, { 'x-forwarded-for': '203.0.113.7' });
    expect(remote.status).toBe(403);
    expect(remote.text).not.toContain('switchboard_');
    expect((await scrape(base, { 'x-forwarded-for': '127.0.0.1' })).status).toBe(200);
  });

  it('with METRICS_TOKEN, requires the bearer token from everyone, loopback included', async () => {
    const base = await frontDoorServer({ trustProxy: false, metricsToken: TOKEN });
    const none = await scrape(base);
    expect(none.status).toBe(401);
    expect(none.res.headers.get('www-authenticate')).toBe('Bearer');
    expect(none.text).not.toContain('switchboard_');
    expect((await scrape(base, { authorization: `Bearer ${TOKEN}x` })).status).toBe(401);
    expect((await scrape(base, { authorization: `Bearer ${TOKEN.slice(0, -1)}` })).status).toBe(401);
    expect((await scrape(base, { authorization: TOKEN })).status).toBe(401);
    const ok = await scrape(base, { authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('switchboard_webhooks_total');
  });
});

describe('X-Request-Id', () => {
  it('is echoed when valid, and replaced by a fresh id when not', async () => {
    const body = messengerText('m_metrics_3', 'with an id');
    const echoed = await fetch(webhookUrl, { method: 'POST', headers: { ...signed(body), 'x-request-id': 'lb-7f3a.42_x' }, body });
    expect(echoed.status).toBe(200);
    expect(echoed.headers.get('x-request-id')).toBe('lb-7f3a.42_x');
    const replaced = await fetch(webhookUrl, { method: 'POST', headers: { ...signed(body), 'x-request-id': 'bad id <script>' }, body });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const generated = (await scrape()).res.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect((await scrape()).res.headers.get('x-request-id')).not.toBe(generated);
  });
});
