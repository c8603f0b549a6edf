/**
 * Fault test 5: poison inbound events and poison deliveries become visible failures, and the rest
 * of the inbox and of the conversation keep flowing. Real PostgreSQL, the real worker (pg-boss
 * handlers and dispatcher) in this process, the Messenger simulator over real HTTP, and the real
 * route handlers of the admin API. Faults are injected from outside the product: stored rows a
 * connector can no longer parse, database triggers that raise, credentials sealed with another
 * secret, provider endpoints that refuse or drop connections.
 */
import { createServer, type Server } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMessengerSimulator, type MessengerSimulator } from '@/e2e/simulators/messenger/server';
import { useTestDatabase } from '@/lib/testing/database';
import { until } from '@/lib/testing/app-harness';
import { APP_SECRET, makeMessengerInbox, makeUser, PAGE_ID } from '@/lib/testing/fixtures';
import type { Actor } from './actor';

let sim: MessengerSimulator;
let server: Server;
let dropper: TcpServer;
let databaseUrl: string;
let db: typeof import('@/lib/db');
let messages: typeof import('./messages');
let admin: Actor;
let agent: Actor;
let adminToken: string;
let agentToken: string;
let inboxId: string;
let realtime: pg.Client;
const published: { name: string; payload: Record<string, unknown> }[] = [];
const TOKEN = 'EAA-sim-token';

beforeAll(async () => {
  server = createServer((req, res) => void import('@/lib/server/node-webhook').then((m) => m.serveWebhook(req, res)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.PUBLIC_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Settings that make a poison event dead and a poison reply fail within seconds.
  process.env.INBOUND_MAX_ATTEMPTS = '2';
  process.env.INBOUND_RETRY_DELAY_SECONDS = '0';
  process.env.OUTBOUND_RETRY_BASE_SECONDS = '1';
  process.env.OUTBOUND_RETRY_HOURS = String(6 / 3600);
  databaseUrl = await useTestDatabase();
  db = await import('@/lib/db');
  messages = await import('./messages');
  sim = await startMessengerSimulator({ receiptDelayMs: [5, 20], retrySchedule: [200, 400] });
  admin = await makeUser('admin');
  agent = await makeUser('agent');
  const { createToken } = await import('./tokens');
  adminToken = (await createToken(admin, { name: 'ops' })).token;
  agentToken = (await createToken(agent, { name: 'agent' })).token;
  const inbox = await makeMessengerInbox(admin, { apiBaseUrl: sim.url, pageAccessToken: TOKEN });
  inboxId = inbox.id;
  expect((await sim.addPage({ pageId: PAGE_ID, accessToken: TOKEN, appSecret: APP_SECRET, webhookUrl: inbox.webhookUrl, verifyToken: inbox.verifyToken! })).verified).toBe(true);
  dropper = createTcpServer((socket) => socket.once('data', () => socket.destroy()));
  await new Promise<void>((r) => dropper.listen(0, '127.0.0.1', r));
  realtime = new pg.Client({ connectionString: databaseUrl });
  await realtime.connect();
  realtime.on('notification', (n) => {
    const packet = JSON.parse(n.payload ?? '{}').data?.packet?.data;
    if (Array.isArray(packet)) published.push({ name: packet[0], payload: packet[1] });
  });
  await realtime.query('LISTEN "socket.io#/"');
  const { boss } = await import('@/lib/jobs/boss');
  const { startWorking } = await import('@/worker/registry');
  await startWorking(await boss({ listen: true }), 4);
});

afterAll(async () => {
  await realtime?.end();
  await sim?.close();
  dropper?.close();
  const { stopBoss } = await import('@/lib/jobs/boss');
  await stopBoss();
  await db?.closeDb();
  server?.close();
});

async function conversationWith(psid: string, text: string) {
  await sim.customerSends({ pageId: PAGE_ID, psid, text });
  return until(() => db.db().conversation.findFirst({ where: { inboxId, identity: { externalId: psid } } }));
}
const message = (id: string) => db.db().message.findUniqueOrThrow({ where: { id } });
const settled = (id: string, timeoutMs = 20_000) => until(async () => {
  const m = await message(id);
  return m.status !== 'queued' && m.status !== 'sending' && m;
}, timeoutMs);
const sentTexts = async (psid: string, count: number) => (await sim.waitForSent({ pageId: PAGE_ID, psid, count }, 20_000)).map((s) => s.text);

async function api(method: 'GET' | 'POST', path: string, token: string) {
  const request = new Request(`http://127.0.0.1${path}`, { method, headers: { authorization: `Bearer ${token}` } });
  const retry = /^\/api\/v1\/inbound-events\/([^/]+)\/retry$/.exec(path);
  const response = retry
    ? await (await import('@/app/api/v1/inbound-events/[id]/retry/route')).POST(request, { params: Promise.resolve({ id: retry[1] }) })
    : await (await import('@/app/api/v1/inbound-events/route')).GET(request, { params: Promise.resolve({}) });
  return { status: response.status, body: await response.json() };
}

/** A stored event this inbox's connector cannot parse any more (as after a format change): it throws on every attempt. */
async function storePoisonEvent(key: string): Promise<string> {
  const { uuidv7 } = await import('@/lib/uuid');
  const id = uuidv7();
  await db.pool().query(`INSERT INTO "InboundEvent" ("id", "inboxId", "dedupeKey", "rawBody", "headers") VALUES ($1, $2, $3, $4, $5)`,
    [id, inboxId, key, Buffer.from('{"object":"page","entry":{}}'), { 'content-type': 'application/json' }]);
  await db.pool().query(`SELECT pg_notify('sb_inbound_event', '')`);
  return id;
}

describe('fault test 5: poison inbound event', () => {
  it('becomes a dead letter in the inbox health and the admin API while the inbox keeps flowing; an admin re-drives it', async () => {
    const poisonId = await storePoisonEvent('poison-1');
    // The rest of the inbox flows meanwhile.
    const conversation = await conversationWith('8001', 'still flowing');
    await sim.customerSends({ pageId: PAGE_ID, psid: '8001', text: 'and again' });
    await until(async () => (await db.db().message.count({ where: { conversationId: conversation.id, direction: 'inbound' } })) === 2);

    const dead = await until(async () => {
      const e = await db.db().inboundEvent.findUniqueOrThrow({ where: { id: poisonId } });
      return e.failedAt && e;
    }, 20_000);
    expect(dead).toMatchObject({ attempts: 2, processedAt: null });
    expect(dead.error).toMatch(/entry/i);

    const inbox = await db.db().inbox.findUniqueOrThrow({ where: { id: inboxId } });
    expect(inbox.lastError).toMatch(/^A webhook event could not be processed: /);
    expect(inbox.lastErrorAt).not.toBeNull();
    const { listInboxes } = await import('./inboxes');
    expect((await listInboxes(admin)).find((i) => i.id === inboxId)).toMatchObject({ failedEvents: 1, lastError: inbox.lastError });
    // Admins see it without reloading.
    await until(async () => published.find((p) => p.name === 'inbox.updated' && p.payload.inboxId === inboxId && p.payload.failedEvents === 1));

    const listed = await api('GET', `/api/v1/inbound-events?state=failed&inboxId=${inboxId}&limit=10`, adminToken);
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ id: poisonId, inboxId, attempts: 2, error: dead.error, receivedAt: dead.receivedAt.toISOString() })]);
    expect(listed.body.nextCursor).toBeNull();
    expect((await api('GET', '/api/v1/inbound-events?state=failed', agentToken)).status).toBe(403);
    expect((await api('GET', '/api/v1/inbound-events?state=processed', adminToken))).toMatchObject({ status: 400, body: { error: { code: 'invalid_request' } } });
    expect((await api('POST', `/api/v1/inbound-events/${poisonId}/retry`, agentToken)).status).toBe(403);

    // Re-driven: queued again, and (still poison) dead again after its attempts: never lost, never silent.
    const retried = await api('POST', `/api/v1/inbound-events/${poisonId}/retry`, adminToken);
    expect(retried).toMatchObject({ status: 202, body: { id: poisonId, state: 'queued' } });
    expect((await db.db().inboundEvent.findUniqueOrThrow({ where: { id: poisonId } })).failedAt).toBeNull();
    expect((await api('POST', `/api/v1/inbound-events/${poisonId}/retry`, adminToken)).body.error.code).toBe('not_failed');
    await until(async () => (await db.db().inboundEvent.findUniqueOrThrow({ where: { id: poisonId } })).failedAt, 20_000);
    expect((await db.db().auditLog.findFirst({ where: { action: 'inbound_event.retried', targetId: poisonId } }))?.actorId).toBe(admin.id);

    // A re-driven event that now parses (the fault fixed) is processed and leaves the list.
    const { messengerText, metaJson } = await import('@/lib/testing/fixtures');
    await db.pool().query(`UPDATE "InboundEvent" SET "rawBody" = $2 WHERE "id" = $1`, [poisonId, Buffer.from(metaJson(messengerText('8002', 'm_redriven', 'fixed and re-driven')))]);
    await api('POST', `/api/v1/inbound-events/${poisonId}/retry`, adminToken);
    await until(() => db.db().message.findFirst({ where: { inboxId, externalId: 'm_redriven' } }));
    expect((await api('GET', '/api/v1/inbound-events?state=failed', adminToken)).body.items).toEqual([]);
  });

  it('pages failed events with a cursor', async () => {
    const ids = [await storePoisonEvent('poison-a'), await storePoisonEvent('poison-b'), await storePoisonEvent('poison-c')];
    await until(async () => (await db.db().inboundEvent.count({ where: { id: { in: ids }, failedAt: { not: null } } })) === 3, 20_000);
    const first = await api('GET', '/api/v1/inbound-events?state=failed&limit=2', adminToken);
    expect(first.body.items).toHaveLength(2);
    const second = await api('GET', `/api/v1/inbound-events?state=failed&limit=2&cursor=${first.body.nextCursor}`, adminToken);
    expect(second.body.nextCursor).toBeNull();
    expect([...first.body.items, ...second.body.items].map((i: { id: string }) => i.id).sort()).toEqual([...ids].sort());
  });
});

describe('fault test 5: an event whose worker died on every attempt', () => {
  it('becomes a dead letter once its last claim runs out, without being processed again', async () => {
    const { uuidv7 } = await import('@/lib/uuid');
    const id = uuidv7();
    // One attempt already failed; a worker claimed it again and died (its lease ran out): that was the last attempt.
    await db.pool().query(`INSERT INTO "InboundEvent" ("id", "inboxId", "dedupeKey", "rawBody", "headers", "dispatchedAt", "attempts", "claimedUntil")
      VALUES ($1, $2, 'crashed-lease', $3, '{}', now(), 1, now() - interval '1 second')`, [id, inboxId, Buffer.from('{}')]);
    await db.pool().query(`SELECT pg_notify('sb_inbound_event', '')`);
    await until(async () => (await db.db().inboundEvent.findUniqueOrThrow({ where: { id } })).failedAt !== null);
    const event = await db.db().inboundEvent.findUniqueOrThrow({ where: { id } });
    expect(event).toMatchObject({ processedAt: null, attempts: 2 });
    expect(event.error).toMatch(/worker may have crashed/);
  });
});

describe('fault test 5: an inbound job of the former pg-boss queue that failed for good without a record', () => {
  it('is turned into a dead letter by the worker sweep, and its job removed', async () => {
    const { uuidv7 } = await import('@/lib/uuid');
    const id = uuidv7();
    // Not due for the claimer during this test: only the sweep of old jobs acts on it.
    await db.pool().query(`INSERT INTO "InboundEvent" ("id", "inboxId", "dedupeKey", "rawBody", "headers", "dispatchedAt", "nextAttemptAt") VALUES ($1, $2, 'crashed-1', $3, '{}', now(), now() + interval '1 hour')`, [id, inboxId, Buffer.from('{}')]);
    const { boss } = await import('@/lib/jobs/boss');
    const b = await boss();
    const jobId = await b.send('inbound.process', { eventIds: [id] }, { retryLimit: 0, startAfter: new Date(Date.now() + 3600_000) });
    await b.fail('inbound.process', jobId!, { message: 'worker died' });
    const { sweepFailedInboundJobs } = await import('./inbound-failures');
    expect(await sweepFailedInboundJobs()).toBe(1);
    const event = await db.db().inboundEvent.findUniqueOrThrow({ where: { id } });
    expect(event.failedAt).not.toBeNull();
    expect(event.error).toMatch(/worker may have crashed/);
    expect(await b.getJobById('inbound.process', jobId!)).toBeNull();
    expect(await sweepFailedInboundJobs()).toBe(0);
  });
});

describe('fault test 5: poison delivery', () => {
  it('a reply whose job throws on every run (database fault) fails with a reason, and the conversation\'s later replies still go, in order', async () => {
    await db.pool().query(`CREATE FUNCTION poison_reply() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated database fault'; END $$ LANGUAGE plpgsql`);
    await db.pool().query(`CREATE TRIGGER poison_reply BEFORE UPDATE ON "Message" FOR EACH ROW WHEN (NEW."text" = 'poison reply' AND NEW."status" = 'sending') EXECUTE FUNCTION poison_reply()`);
    const conversation = await conversationWith('8101', 'hello');
    const poison = await messages.createReply(agent, conversation.id, { text: 'poison reply' });
    const after1 = await messages.createReply(agent, conversation.id, { text: 'after the poison 1' });
    const after2 = await messages.createReply(agent, conversation.id, { text: 'after the poison 2' });
    const failed = await settled(poison.id);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'internal' });
    expect(failed.errorText).toMatch(/^An internal error stopped the delivery \(simulated database fault\) \(gave up after \d+ s\)$/);
    expect(await sentTexts('8101', 2)).toEqual(['after the poison 1', 'after the poison 2']);
    for (const id of [after1.id, after2.id]) expect(['sent', 'delivered', 'read']).toContain((await settled(id)).status);
    expect(published.some((p) => p.name === 'message.updated' && p.payload.messageId === poison.id && p.payload.status === 'failed')).toBe(true);
    // Its job completed: nothing holds the conversation's key.
    const { rows } = await db.pool().query(`SELECT state FROM pgboss.job WHERE name = 'outbound.deliver' AND data->>'messageId' = $1`, [poison.id]);
    expect(rows.map((r) => r.state)).toEqual(['completed']);
  });

  it('a reply the provider refuses fails at once, and the next reply of the conversation goes', async () => {
    const conversation = await conversationWith('8102', 'hello');
    sim.failNext(PAGE_ID, { code: 100, message: 'Invalid parameter' });
    const refused = await messages.createReply(agent, conversation.id, { text: 'refused' });
    const next = await messages.createReply(agent, conversation.id, { text: 'the next one' });
    expect(await settled(refused.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await sentTexts('8102', 1)).toEqual(['the next one']);
    expect(['sent', 'delivered', 'read']).toContain((await settled(next.id)).status);
  });

  it('a send whose connection dropped after the request was written is "may have been sent", not repeated', async () => {
    const conversation = await conversationWith('8103', 'hello');
    await setApiBaseUrl(`http://127.0.0.1:${(dropper.address() as AddressInfo).port}`);
    const reply = await messages.createReply(agent, conversation.id, { text: 'into the void' });
    const failed = await settled(reply.id);
    await setApiBaseUrl(sim.url);
    expect(failed).toMatchObject({ status: 'failed', errorCode: 'uncertain', attempts: 1 });
    expect(failed.errorText).toBe('The provider did not answer in time; the message may have been sent. Check with the customer before retrying.');
  });

  it('a send that could not connect is retried, then delivered once the provider is back', async () => {
    const conversation = await conversationWith('8104', 'hello');
    await setApiBaseUrl('http://127.0.0.1:1');
    const reply = await messages.createReply(agent, conversation.id, { text: 'eventually' });
    await until(async () => (await message(reply.id)).errorText?.startsWith('Retrying: '));
    await setApiBaseUrl(sim.url);
    expect(await sentTexts('8104', 1)).toEqual(['eventually']);
    const done = await settled(reply.id);
    expect(['sent', 'delivered', 'read']).toContain(done.status);
    expect(done.attempts).toBeGreaterThanOrEqual(2);
    expect(done.errorText).toBeNull();
  });

  it('a database error after the provider accepted the reply never makes it failed: the provider id is recorded later, and it is not sent twice', async () => {
    await db.pool().query(`CREATE TABLE fault_flag (on_ boolean)`);
    await db.pool().query(`INSERT INTO fault_flag VALUES (true)`);
    await db.pool().query(`CREATE FUNCTION fail_recording() RETURNS trigger AS $$ BEGIN IF EXISTS (SELECT 1 FROM fault_flag) THEN RAISE EXCEPTION 'simulated outage while recording'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await db.pool().query(`CREATE TRIGGER fail_recording BEFORE UPDATE ON "Message" FOR EACH ROW WHEN (NEW."text" = 'recorded late' AND NEW."externalId" IS NOT NULL AND OLD."externalId" IS NULL) EXECUTE FUNCTION fail_recording()`);
    const conversation = await conversationWith('8105', 'hello');
    const reply = await messages.createReply(agent, conversation.id, { text: 'recorded late' });
    const [sent] = await sim.waitForSent({ pageId: PAGE_ID, psid: '8105', count: 1 }, 10_000);
    await new Promise((r) => setTimeout(r, 6000)); // longer than the in-place recording retries
    // Receipts may move it on meanwhile; what matters: not failed, provider id not yet recorded.
    expect(await message(reply.id)).toMatchObject({ externalId: null, status: expect.stringMatching(/^(sending|delivered|read)$/) });
    await db.pool().query(`DELETE FROM fault_flag`);
    const done = await until(async () => {
      const m = await message(reply.id);
      return ['sent', 'delivered', 'read'].includes(m.status ?? '') && m;
    }, 20_000);
    expect(done.externalId).toBe(sent.messageId);
    await sim.webhooksIdle();
    expect((await sim.waitForSent({ pageId: PAGE_ID, psid: '8105', count: 1 })).length).toBe(1);
  });

  it('credentials that cannot be decrypted fail the reply with a reason naming APP_SECRET, and the start-up check refuses them', async () => {
    const conversation = await conversationWith('8106', 'hello');
    const { encryptJson } = await import('@/lib/crypto/secrets');
    const original = (await db.db().inbox.findUniqueOrThrow({ where: { id: inboxId } })).secrets;
    await db.db().inbox.update({ where: { id: inboxId }, data: { secrets: encryptJson('a-different-app-secret-0123456789abcdef', { pageAccessToken: TOKEN, appSecret: APP_SECRET }) } });
    try {
      const reply = await messages.createReply(agent, conversation.id, { text: 'sealed with another secret' });
      const failed = await settled(reply.id);
      expect(failed).toMatchObject({ status: 'failed', errorCode: 'credentials' });
      expect(failed.errorText).toMatch(/APP_SECRET/);
      const { checkAppSecret } = await import('@/lib/server/check-app-secret');
      await expect(checkAppSecret(databaseUrl, process.env.APP_SECRET!, '/srv/switchboard/.data')).rejects.toThrow(/APP_SECRET cannot decrypt the stored channel credentials.*\/srv\/switchboard\/\.data\/secrets\.json/);
    } finally {
      await db.db().inbox.update({ where: { id: inboxId }, data: { secrets: original } });
    }
    const { checkAppSecret } = await import('@/lib/server/check-app-secret');
    expect(await checkAppSecret(databaseUrl, process.env.APP_SECRET!)).toMatchObject({ unreadable: [] });
    const next = await messages.createReply(agent, conversation.id, { text: 'credentials restored' });
    expect(await sentTexts('8106', 1)).toEqual(['credentials restored']);
    expect(['sent', 'delivered', 'read']).toContain((await settled(next.id)).status);
  });

  it('the sweep re-queues a reply left queued without a job, and fails one left sending', async () => {
    const conversation = await conversationWith('8107', 'hello');
    const queued = await db.db().message.create({ data: { conversationId: conversation.id, inboxId, direction: 'outbound', kind: 'text', text: 'orphaned', status: 'queued', authorId: agent.id } });
    const sending = await db.db().message.create({ data: { conversationId: conversation.id, inboxId, direction: 'outbound', kind: 'text', text: 'half sent', status: 'sending', authorId: agent.id } });
    await db.pool().query(`UPDATE "Message" SET "updatedAt" = now() - interval '10 minutes' WHERE "id" = ANY($1::uuid[])`, [[queued.id, sending.id]]);
    const { sweepStuckReplies } = await import('./stuck-replies');
    expect(await sweepStuckReplies()).toMatchObject({ requeued: 1, failed: 1 });
    expect(await sentTexts('8107', 1)).toEqual(['orphaned']);
    expect(await message(sending.id)).toMatchObject({ status: 'failed', errorCode: 'uncertain' });
    expect(await sweepStuckReplies()).toMatchObject({ requeued: 0, failed: 0 });
  });
});

describe('fault test 5: a provider that stays down', () => {
  it('fails a conversation\'s replies within the retry horizon counted from when each was queued, not one horizon after another', async () => {
    const conversation = await conversationWith('8108', 'hello');
    sim.failNext(PAGE_ID, { code: 1200, httpStatus: 500, times: 10_000 }); // last test of the file: the provider never recovers
    const started = Date.now();
    const first = await messages.createReply(agent, conversation.id, { text: 'first while down' });
    const second = await messages.createReply(agent, conversation.id, { text: 'second while down' });
    const a = await settled(first.id, 30_000);
    const b = await settled(second.id, 30_000);
    expect(a).toMatchObject({ status: 'failed', errorCode: '1200' });
    expect(a.attempts).toBeGreaterThanOrEqual(2);
    expect(a.errorText).toMatch(/gave up after \d+ attempts over \d+ s/);
    // The second waited behind the first for the whole horizon: one more try, then it fails too.
    expect(b).toMatchObject({ status: 'failed', errorCode: '1200', attempts: 1 });
    expect(Date.now() - started).toBeLessThan(25_000);
  }, 40_000);
});

async function setApiBaseUrl(url: string) {
  const inbox = await db.db().inbox.findUniqueOrThrow({ where: { id: inboxId } });
  await db.db().inbox.update({ where: { id: inboxId }, data: { config: { ...(inbox.config as Record<string, unknown>), apiBaseUrl: url } } });
}
