/**
 * Reply → job → worker → Messenger simulator over real HTTP, and the simulator's receipts back
 * through the app's real webhook endpoint. Real Postgres, real pg-boss worker in this process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMessengerSimulator, type MessengerSimulator } from '@/e2e/simulators/messenger/server';
import { useTestDatabase } from '@/lib/testing/database';
import { APP_SECRET, makeMessengerInbox, makeUser, PAGE_ID } from '@/lib/testing/fixtures';
import type { Actor } from './actor';

let sim: MessengerSimulator;
let server: Server;
let db: typeof import('@/lib/db');
let messages: typeof import('./messages');
let agent: Actor;
let inboxId: string;
const TOKEN = 'EAA-sim-token';

beforeAll(async () => {
  server = createServer((req, res) => void import('@/lib/server/node-webhook').then((m) => m.serveWebhook(req, res)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.PUBLIC_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env.OUTBOUND_RETRY_BASE_SECONDS = '1'; // the first retry after a transient failure comes ~1 s later
  await useTestDatabase();
  db = await import('@/lib/db');
  messages = await import('./messages');
  sim = await startMessengerSimulator({ receiptDelayMs: [5, 20], retrySchedule: [200, 400] });
  const admin = await makeUser('admin');
  agent = await makeUser('agent');
  const inbox = await makeMessengerInbox(admin, { apiBaseUrl: sim.url, pageAccessToken: TOKEN });
  inboxId = inbox.id;
  const page = await sim.addPage({ pageId: PAGE_ID, accessToken: TOKEN, appSecret: APP_SECRET, webhookUrl: inbox.webhookUrl, verifyToken: inbox.verifyToken! });
  expect(page.verified).toBe(true);
  const { boss } = await import('@/lib/jobs/boss');
  const { startWorking } = await import('@/worker/registry');
  await startWorking(await boss({ listen: true }), 4);
});

afterAll(async () => {
  await sim?.close();
  const { stopBoss } = await import('@/lib/jobs/boss');
  await stopBoss();
  await db?.closeDb();
  server?.close();
});

async function until<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function conversationWith(psid: string, text: string, name?: string) {
  await sim.customerSends({ pageId: PAGE_ID, psid, text, name });
  return until(() => db.db().conversation.findFirst({ where: { inboxId, identity: { externalId: psid } } }));
}

const message = (id: string) => db.db().message.findUniqueOrThrow({ where: { id } });

describe('replies', () => {
  it('go out through the worker to the provider, then move sent → delivered → read from its webhooks', async () => {
    const conversation = await conversationWith('7001', 'Where is my order?', 'Ana Silva');
    // Messenger webhooks carry no name: it is looked up once through the User Profile API.
    await until(async () => (await db.db().contact.findUniqueOrThrow({ where: { id: conversation.contactId } })).name === 'Ana Silva');
    const reply = await messages.createReply(agent, conversation.id, { text: 'On its way — ça arrive 🚚' });
    expect(reply.status).toBe('queued');
    const [sent] = await sim.waitForSent({ pageId: PAGE_ID, psid: '7001', count: 1 });
    expect(sent).toMatchObject({ text: 'On its way — ça arrive 🚚', messagingType: 'RESPONSE', metadata: reply.id });
    const final = await until(async () => ((await message(reply.id)).status === 'read' ? message(reply.id) : null));
    expect(final).toMatchObject({ externalId: sent.messageId, errorText: null });
    expect(final.sentAt).not.toBeNull();
    // The echo of our own send is recognised, not imported as a second message.
    await sim.webhooksIdle();
    expect(await db.db().message.count({ where: { conversationId: conversation.id, direction: 'outbound' } })).toBe(1);
  });

  it('leave one conversation in the order they were written', async () => {
    const conversation = await conversationWith('7002', 'hello');
    for (const text of ['one', 'two', 'three', 'four']) await messages.createReply(agent, conversation.id, { text });
    const sent = await sim.waitForSent({ pageId: PAGE_ID, psid: '7002', count: 4 });
    expect(sent.map((s) => s.text)).toEqual(['one', 'two', 'three', 'four']);
  });

  it('retry a transient provider failure and then succeed', async () => {
    const conversation = await conversationWith('7003', 'hello');
    sim.failNext(PAGE_ID, { code: 1200, httpStatus: 500, message: 'Temporary send message failure. Please try again later' });
    const reply = await messages.createReply(agent, conversation.id, { text: 'after a hiccup' });
    const done = await until(async () => ((await message(reply.id)).status !== 'queued' && (await message(reply.id)).status !== 'sending' ? message(reply.id) : null), 20_000);
    expect(['sent', 'delivered', 'read']).toContain(done.status);
    expect(done.attempts).toBe(2);
    expect((await sim.waitForSent({ pageId: PAGE_ID, psid: '7003', count: 1 })).map((s) => s.text)).toEqual(['after a hiccup']);
  });

  it('fail without retrying when the customer blocked the Page, with a reason an agent understands', async () => {
    const conversation = await conversationWith('7004', 'bye');
    sim.blockCustomer(PAGE_ID, '7004');
    const reply = await messages.createReply(agent, conversation.id, { text: 'are you there?' });
    const failed = await until(async () => ((await message(reply.id)).status === 'failed' ? message(reply.id) : null));
    expect(failed.attempts).toBe(1);
    expect(failed.errorCode).toBe('551/1545041');
    expect(failed.errorText).toMatch(/isn't available/i);
    const identity = await db.db().contactIdentity.findFirstOrThrow({ where: { inboxId, externalId: '7004' } });
    expect(identity.unreachable).toBe(true);
    await expect(messages.createReply(agent, conversation.id, { text: 'again' })).rejects.toMatchObject({ code: 'unreachable', status: 422 });
  });

  it('a failed reply retried by the agent is really sent again', async () => {
    const conversation = await conversationWith('7005', 'hi');
    sim.failNext(PAGE_ID, { code: 100, message: 'Invalid parameter' });
    const reply = await messages.createReply(agent, conversation.id, { text: 'second chance' });
    await until(async () => (await message(reply.id)).status === 'failed');
    const retried = await messages.retryMessage(agent, conversation.id, reply.id);
    expect(retried.status).toBe('queued');
    await until(async () => ['sent', 'delivered', 'read'].includes((await message(reply.id)).status ?? ''));
    expect((await sim.waitForSent({ pageId: PAGE_ID, psid: '7005', count: 1 })).map((s) => s.text)).toEqual(['second chance']);
  });

  it('are refused before queuing when the 24-hour window has closed', async () => {
    const conversation = await conversationWith('7006', 'old message');
    await db.db().conversation.update({ where: { id: conversation.id }, data: { lastInboundAt: new Date(Date.now() - 25 * 3600_000) } });
    await expect(messages.createReply(agent, conversation.id, { text: 'too late' })).rejects.toMatchObject({ code: 'window_closed', status: 422 });
    expect(await db.db().message.count({ where: { conversationId: conversation.id, direction: 'outbound' } })).toBe(0);
    const note = await messages.createReply(agent, conversation.id, { text: 'internal note', private: true });
    expect(note).toMatchObject({ private: true, status: null, kind: 'note' });
  });

  it('imports a reply typed in the Page Inbox as an outbound message', async () => {
    const conversation = await conversationWith('7007', 'hi');
    await sim.pageInboxReply({ pageId: PAGE_ID, psid: '7007', text: 'Answered from Meta Business Suite' });
    const imported = await until(() => db.db().message.findFirst({ where: { conversationId: conversation.id, direction: 'outbound' } }));
    expect(imported).toMatchObject({ text: 'Answered from Meta Business Suite', status: 'sent', authorId: null });
  });
});
