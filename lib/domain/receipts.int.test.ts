/**
 * Receipts through the real path (signed WhatsApp webhooks → ingress → worker), against a fake
 * Graph API that can post a reply's statuses BEFORE answering the send, as Meta sometimes does.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAppHarness, until, type AppHarness } from '@/lib/testing/app-harness';
import { makeUser, signedWebhook } from '@/lib/testing/fixtures';
import type { Actor } from './actor';

const NUMBER = { phoneNumberId: '106540352242977', wabaId: '102290129340377', accessToken: 'EAA-receipts', appSecret: 'receipts-app-secret' };
const ALICE = '16505550001';
const BOB = '16505550002';

let app: AppHarness;
let graph: Server;
let agent: Actor;
let inbox: { id: string; webhookUrl: string };
let db: typeof import('@/lib/db');
/** What the fake Graph API does on the next send. */
let onSend: (to: string, wamid: string) => Promise<void> = async () => undefined;
let seq = 0;

const envelope = (value: Record<string, unknown>) => ({
  object: 'whatsapp_business_account',
  entry: [{ id: NUMBER.wabaId, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783877', phone_number_id: NUMBER.phoneNumberId }, ...value } }] }],
});
const inboundText = (waId: string, id: string, text: string) =>
  envelope({ contacts: [{ profile: { name: `Customer ${waId}` }, wa_id: waId }], messages: [{ from: waId, id, timestamp: String(Math.floor(Date.now() / 1000)), type: 'text', text: { body: text } }] });
const statusOf = (waId: string, id: string, status: string) =>
  envelope({ statuses: [{ id, status, timestamp: String(Math.floor(Date.now() / 1000)), recipient_id: waId }] });

/** Posts a signed webhook over HTTP and waits until the worker has processed it. */
async function deliverWebhook(body: unknown, dedupeKey: string): Promise<void> {
  const req = signedWebhook(inbox.webhookUrl, JSON.stringify(body), NUMBER.appSecret);
  const res = await fetch(req.url, { method: 'POST', headers: req.headers, body: new Uint8Array(req.rawBody) });
  expect(res.status).toBe(200);
  await until(() => db.db().inboundEvent.findFirst({ where: { inboxId: inbox.id, dedupeKey, processedAt: { not: null } } }));
}
const customerWrites = async (waId: string, text: string) => {
  const id = `wamid.in-${++seq}`;
  await deliverWebhook(inboundText(waId, id, text), id);
  return id;
};
const receipt = (waId: string, wamid: string, status: string) => deliverWebhook(statusOf(waId, wamid, status), `status:${wamid}:${status}`);
const message = (id: string) => db.db().message.findUniqueOrThrow({ where: { id } });
const conversationOf = (waId: string) => db.db().conversation.findFirstOrThrow({ where: { inboxId: inbox.id, identity: { externalId: waId } } });

async function reply(waId: string, text: string) {
  const { createReply } = await import('./messages');
  const created = await createReply(agent, (await conversationOf(waId)).id, { text });
  return until(async () => { const m = await message(created.id); return m.externalId !== null && m.status !== 'sending' && m; });
}

beforeAll(async () => {
  app = await startAppHarness();
  db = await import('@/lib/db');
  graph = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', async () => {
      const { to } = JSON.parse(raw) as { to: string };
      const wamid = `wamid.out-${++seq}`;
      await onSend(to, wamid);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ messaging_product: 'whatsapp', contacts: [{ input: to, wa_id: to }], messages: [{ id: wamid }] }));
    });
  });
  await new Promise<void>((r) => graph.listen(0, '127.0.0.1', r));
  const { createInbox } = await import('./inboxes');
  const admin = await makeUser('admin');
  agent = await makeUser('agent');
  inbox = await createInbox(admin, { channel: 'whatsapp', name: 'WhatsApp receipts', config: { ...NUMBER, apiBaseUrl: `http://127.0.0.1:${(graph.address() as AddressInfo).port}` } });
  await customerWrites(ALICE, 'Hi, this is Alice');
  await customerWrites(BOB, 'Hi, this is Bob');
});
afterAll(async () => {
  graph?.close();
  await app?.close();
});

describe('receipts only touch the replies of the customer they name', () => {
  it('a receipt for another conversation’s message id, or for an inbound message, changes nothing', async () => {
    const toAlice = await reply(ALICE, 'For Alice');
    expect(toAlice.status).toBe('sent');
    const bobsOwn = await db.db().message.findFirstOrThrow({ where: { inboxId: inbox.id, direction: 'inbound', conversationId: (await conversationOf(BOB)).id } });

    await receipt(BOB, toAlice.externalId!, 'read'); // Bob's receipt naming Alice's reply
    await receipt(BOB, bobsOwn.externalId!, 'read'); // a receipt naming an inbound message
    expect(await message(toAlice.id)).toMatchObject({ status: 'sent', readAt: null });
    expect(await message(bobsOwn.id)).toMatchObject({ status: 'received', readAt: null });
    // Neither is kept as pending: those ids exist, they are just not this customer's replies.
    expect(await db.db().pendingReceipt.count({ where: { inboxId: inbox.id } })).toBe(0);

    // The right customer: applied. ('delivered': the webhook dedupe key of a WhatsApp receipt is
    // wamid + status, so the identical "read" key above is already taken.)
    await receipt(ALICE, toAlice.externalId!, 'delivered');
    expect(await message(toAlice.id)).toMatchObject({ status: 'delivered', deliveredAt: expect.any(Date), readAt: null });
  });
});

describe('receipts that overtake their send', () => {
  it('delivered and read processed before the send is recorded are kept, then applied when it is; never backwards', async () => {
    let keptBeforeAnswer = -1;
    onSend = async (to, wamid) => {
      // Meta's status webhooks win the race against its own HTTP response.
      await receipt(to, wamid, 'delivered');
      await receipt(to, wamid, 'read');
      keptBeforeAnswer = await db.db().pendingReceipt.count({ where: { inboxId: inbox.id, externalId: wamid } });
    };
    const sent = await reply(ALICE, 'Raced by its receipts');
    onSend = async () => undefined;
    expect(keptBeforeAnswer).toBe(2);

    const read = await until(async () => { const m = await message(sent.id); return m.status === 'read' && m; });
    expect(read.deliveredAt).not.toBeNull();
    expect(read.readAt).not.toBeNull();
    expect(await db.db().pendingReceipt.count({ where: { externalId: sent.externalId! } })).toBe(0);

    // Late and repeated receipts never move it backwards.
    for (const late of ['sent', 'delivered', 'failed']) await receipt(ALICE, sent.externalId!, late);
    expect(await message(sent.id)).toMatchObject({ status: 'read', errorCode: null });
  });

  it('a kept receipt naming another customer is not applied to this send', async () => {
    onSend = async (_to, wamid) => receipt(BOB, wamid, 'read');
    const sent = await reply(ALICE, 'Not for Bob');
    onSend = async () => undefined;
    await new Promise((r) => setTimeout(r, 200));
    expect(await message(sent.id)).toMatchObject({ status: 'sent', readAt: null });
    expect(await db.db().pendingReceipt.count({ where: { externalId: sent.externalId! } })).toBe(0);
  });

  it('applies inside a caller’s transaction too, and old kept receipts are pruned', async () => {
    const { applyPendingReceipts, prunePendingReceipts } = await import('./pending-receipts');
    const conversation = await conversationOf(ALICE);
    const m = await db.db().message.create({ data: { conversationId: conversation.id, inboxId: inbox.id, direction: 'outbound', status: 'sent', text: 'recorded by hand', externalId: 'wamid.tx-path', sentAt: new Date() } });
    await db.db().pendingReceipt.create({ data: { inboxId: inbox.id, externalId: 'wamid.tx-path', status: 'delivered', timestamp: new Date(), contactExternalId: ALICE, expiresAt: new Date(Date.now() + 60_000) } });
    const listener = await db.pool().connect();
    const notified: string[] = [];
    listener.on('notification', (n) => notified.push(n.payload ?? ''));
    await listener.query('LISTEN "socket.io#/"');
    try {
      await db.db().$transaction(async (tx) => {
        await applyPendingReceipts(tx, { inboxId: inbox.id, externalId: 'wamid.tx-path', messageId: m.id });
        expect(await tx.pendingReceipt.count({ where: { externalId: 'wamid.tx-path' } })).toBe(0);
      });
      expect(await message(m.id)).toMatchObject({ status: 'delivered', deliveredAt: expect.any(Date) });
      // message.updated went out with the caller's commit (the realtime wire format, via NOTIFY).
      await until(async () => notified.some((p) => p.includes('message.updated') && p.includes(m.id) && p.includes('delivered')));
    } finally {
      await listener.query('UNLISTEN *');
      listener.release();
    }

    await db.db().pendingReceipt.create({ data: { inboxId: inbox.id, externalId: 'wamid.never-sent', status: 'read', timestamp: new Date(), expiresAt: new Date(Date.now() - 1000) } });
    await db.db().pendingReceipt.create({ data: { inboxId: inbox.id, externalId: 'wamid.maybe-later', status: 'read', timestamp: new Date(), expiresAt: new Date(Date.now() + 60_000) } });
    expect(await prunePendingReceipts()).toBe(1);
    expect((await db.db().pendingReceipt.findMany({ where: { inboxId: inbox.id } })).map((r) => r.externalId)).toEqual(['wamid.maybe-later']);
  });
});
