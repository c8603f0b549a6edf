/**
 * Webhook → stored event → worker → conversation and message, against a real Postgres.
 */
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { makeMessengerInbox, makeUser, messengerReceipt, messengerText, metaJson, signedWebhook } from '@/lib/testing/fixtures';

let db: typeof import('@/lib/db');
let ingress: typeof import('./webhook');
let ingest: typeof import('@/lib/domain/ingest');
let inbox: Awaited<ReturnType<typeof makeMessengerInbox>>;

beforeAll(async () => {
  await useTestDatabase();
  db = await import('@/lib/db');
  ingress = await import('./webhook');
  ingest = await import('@/lib/domain/ingest');
  inbox = await makeMessengerInbox(await makeUser('admin'));
});
afterAll(async () => {
  const { stopBoss } = await import('@/lib/jobs/boss');
  await stopBoss();
  await db.closeDb();
});

async function deliver(body: unknown, secret?: string) {
  return ingress.handleWebhookRequest(signedWebhook(inbox.webhookUrl, metaJson(body), secret));
}

async function processAll() {
  const pending = await db.db().inboundEvent.findMany({ where: { processedAt: null, inboxId: inbox.id }, orderBy: { receivedAt: 'asc' } });
  for (const e of pending) await ingest.processInboundEvent(e.id);
}

const conversationsOf = (psid: string) => db.db().conversation.findMany({ where: { identity: { externalId: psid } }, include: { messages: { orderBy: { timestamp: 'asc' } } } });

describe('webhook ingest', () => {
  it('stores a signed event as its own queue entry, a worker claims it once, then processing creates the conversation and message', async () => {
    const reply = await deliver(messengerText('psid-1', 'm_1', 'café 😀 <script>x</script>'));
    expect(reply).toMatchObject({ status: 200, body: 'EVENT_RECEIVED' });
    const stored = await db.db().inboundEvent.findMany({ where: { inboxId: inbox.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0].dispatchedAt).toBeNull();
    const { claimInboundEvents } = await import('@/lib/jobs/inbound-claimer');
    expect((await claimInboundEvents()).map((e) => e.id)).toEqual([stored[0].id]);
    expect(await claimInboundEvents()).toEqual([]); // claimed once only (while its lease runs)
    const claimed = await db.db().inboundEvent.findUniqueOrThrow({ where: { id: stored[0].id } });
    expect(claimed.dispatchedAt).not.toBeNull();
    expect(claimed.claimedUntil!.getTime()).toBeGreaterThan(Date.now());

    await processAll();
    const [conversation] = await conversationsOf('psid-1');
    expect(conversation.status).toBe('open');
    expect(conversation.messages.map((m) => [m.direction, m.text, m.externalId, m.status])).toEqual([['inbound', 'café 😀 <script>x</script>', 'm_1', 'received']]);
    expect(conversation.lastInboundAt).toEqual(conversation.messages[0].timestamp);
  });

  it('acknowledges duplicate deliveries and ignores them (same bytes, or the same mid in another batch)', async () => {
    const body = messengerText('psid-2', 'm_dup', 'once');
    expect((await deliver(body)).status).toBe(200);
    expect((await deliver(body)).status).toBe(200);
    expect(await db.db().inboundEvent.count({ where: { dedupeKey: 'm_dup' } })).toBe(1);
    const batch = messengerText('psid-2', 'm_dup', 'once');
    batch.entry[0].messaging.push(messengerText('psid-2', 'm_dup_2', 'second').entry[0].messaging[0]);
    expect((await deliver(batch)).status).toBe(200);
    await processAll();
    await processAll();
    const [conversation] = await conversationsOf('psid-2');
    expect(conversation.messages.map((m) => m.externalId)).toEqual(['m_dup', 'm_dup_2']);
  });

  it('refuses forged, unsigned and malformed requests without storing anything', async () => {
    const before = await db.db().inboundEvent.count();
    expect((await deliver(messengerText('psid-3', 'm_forged', 'x'), 'wrong-secret')).status).toBe(403);
    const unsigned = signedWebhook(inbox.webhookUrl, metaJson(messengerText('psid-3', 'm_unsigned', 'x')));
    unsigned.headers.delete('x-hub-signature-256');
    expect((await ingress.handleWebhookRequest(unsigned)).status).toBe(401);
    expect((await ingress.handleWebhookRequest(signedWebhook(inbox.webhookUrl, '{"object":"page","entry":{}}'))).status).toBe(400);
    expect((await ingress.handleWebhookRequest(signedWebhook(inbox.webhookUrl.replace(/[^/]+$/, 'unknownkey123'), '{}'))).status).toBe(404);
    const big = signedWebhook(inbox.webhookUrl, 'x'.repeat(1024 * 1024 + 1));
    expect((await ingress.handleWebhookRequest(big)).status).toBe(413);
    expect(await db.db().inboundEvent.count()).toBe(before);
  });

  it('reuses the open conversation and reopens a resolved one when the customer writes again', async () => {
    await deliver(messengerText('psid-4', 'm_4a', 'first'));
    await processAll();
    const [first] = await conversationsOf('psid-4');
    await db.db().conversation.update({ where: { id: first.id }, data: { status: 'resolved', resolvedAt: new Date() } });
    await deliver(messengerText('psid-4', 'm_4b', 'again'));
    await processAll();
    const all = await conversationsOf('psid-4');
    expect(all).toHaveLength(1);
    expect(all[0].status).toBe('open');
    expect(all[0].resolvedAt).toBeNull();
    expect(all[0].messages.map((m) => m.text)).toEqual(['first', 'again']);
  });

  it('applies receipts monotonically: a late delivery never moves a read message back', async () => {
    await deliver(messengerText('psid-5', 'm_5', 'hi', Date.now() - 10_000));
    await processAll();
    const [conversation] = await conversationsOf('psid-5');
    const sentAt = new Date(Date.now() - 5_000);
    const reply = await db.db().message.create({ data: { conversationId: conversation.id, inboxId: inbox.id, direction: 'outbound', kind: 'text', text: 'answer', status: 'sent', externalId: 'm_reply_5', sentAt, timestamp: sentAt } });
    const status = async () => (await db.db().message.findUniqueOrThrow({ where: { id: reply.id } })).status;

    await deliver(messengerReceipt('psid-5', 'read', Date.now()));
    await processAll();
    expect(await status()).toBe('read');
    await deliver(messengerReceipt('psid-5', 'delivery', Date.now() + 1, ['m_reply_5']));
    await processAll();
    expect(await status()).toBe('read');
    const row = await db.db().message.findUniqueOrThrow({ where: { id: reply.id } });
    expect(row.readAt).not.toBeNull();
  });

  it('keeps acknowledged events when no worker runs, and a worker started later processes them', async () => {
    const { boss } = await import('@/lib/jobs/boss');
    expect((await deliver(messengerText('psid-6', 'm_6', 'while the worker is down'))).status).toBe(200);
    expect(await conversationsOf('psid-6')).toHaveLength(0);
    const b = await boss({ listen: true });
    const { startWorking } = await import('@/worker/registry');
    await startWorking(b, 2);
    const deadline = Date.now() + 15_000;
    while ((await conversationsOf('psid-6')).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const [conversation] = await conversationsOf('psid-6');
    expect(conversation.messages[0].text).toBe('while the worker is down');
  });
});
