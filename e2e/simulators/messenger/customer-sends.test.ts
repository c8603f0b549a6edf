import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessengerSimulator } from './server';
import { PAGE, PSID, startFastSimulator, startReceiver } from './test-support';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('customerSends → signed webhook like Meta', () => {
  let sim: MessengerSimulator;
  let receiver: Receiver;
  let statuses: number[];

  beforeEach(async () => {
    statuses = [];
    receiver = await startReceiver({ appSecret: PAGE.appSecret, verifyToken: PAGE.verifyToken, respond: (n) => statuses[n - 1] ?? 200 });
    sim = await startFastSimulator();
    await sim.addPage({ ...PAGE, webhookUrl: receiver.url });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('delivers escaped, correctly signed JSON in the page envelope', async () => {
    const result = await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, name: 'Zoë Ñúñez', text: 'café 😀 <b>' });
    expect(result.deliveries).toEqual([expect.objectContaining({ status: 200, attempt: 1 })]);
    expect(result.mid).toMatch(/^m_[\w-]+$/);

    const [hook] = receiver.received;
    expect(hook.validSha256).toBe(true);
    expect(hook.validSha1).toBe(true);
    expect(hook.headers['content-type']).toBe('application/json');
    const raw = hook.rawBody.toString('utf8');
    expect(raw).toContain('"text":"caf\\u00e9 \\ud83d\\ude00 <b>"');
    expect([...hook.rawBody].every((b) => b < 0x80)).toBe(true);

    const { object, entry } = hook.payload;
    expect(object).toBe('page');
    expect(entry).toHaveLength(1);
    expect(entry[0].id).toBe(PAGE.pageId);
    expect(typeof entry[0].time).toBe('number');
    expect(entry[0].messaging).toEqual([
      {
        sender: { id: PSID },
        recipient: { id: PAGE.pageId },
        timestamp: expect.any(Number),
        message: { mid: result.mid, text: 'café 😀 <b>' },
      },
    ]);
    expect(sim.customers(PAGE.pageId)[0]).toMatchObject({ psid: PSID, name: 'Zoë Ñúñez', lastInboundAt: expect.any(Number) });
  });

  it('shapes postbacks, quick replies, replies and attachments like Messenger', async () => {
    await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, postback: { title: 'Talk to agent', payload: 'AGENT' } });
    await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, text: 'Red', quickReplyPayload: 'PICK_RED', replyToMid: 'm_prev' });
    await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, attachments: [{ type: 'image', url: 'https://cdn.example/a.png' }] });
    const [postback, quick, image] = receiver.events() as Record<string, any>[];
    expect(postback.postback).toEqual({ mid: expect.stringMatching(/^m_/), title: 'Talk to agent', payload: 'AGENT' });
    expect(postback.message).toBeUndefined();
    expect(quick.message).toMatchObject({ text: 'Red', quick_reply: { payload: 'PICK_RED' }, reply_to: { mid: 'm_prev' } });
    expect(image.message.attachments).toEqual([{ type: 'image', payload: { url: 'https://cdn.example/a.png' } }]);
  });

  it('retries the identical bytes and signatures after a 500, then stops at the first 200', async () => {
    statuses = [500, 200];
    const result = await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, text: 'héllo' });
    expect(result.deliveries[0]).toMatchObject({ status: 500, attempt: 1 });
    const [first, second] = await receiver.waitForPosts(2);
    expect(second.rawBody.equals(first.rawBody)).toBe(true);
    expect(second.headers['x-hub-signature-256']).toBe(first.headers['x-hub-signature-256']);
    expect(second.headers['x-hub-signature']).toBe(first.headers['x-hub-signature']);
    await sim.webhooksIdle();
    expect(receiver.received).toHaveLength(2);
    expect(sim.webhookLog().map((a) => [a.attempt, a.status, a.willRetry])).toEqual([[1, 500, true], [2, 200, false]]);
  });

  it('gives up after the retry schedule and logs network errors', async () => {
    statuses = [503, 503, 503, 503];
    await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, text: 'x' });
    await sim.webhooksIdle();
    expect(receiver.received).toHaveLength(3); // first try + retrySchedule [20, 40]
    const log = sim.webhookLog();
    expect(log.map((a) => a.attempt)).toEqual([1, 2, 3]);
    expect(log.at(-1)?.willRetry).toBe(false);
    expect(new Set(log.map((a) => a.deliveryId)).size).toBe(1);

    await receiver.close();
    const down = await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, text: 'y' });
    expect(down.deliveries[0].status).toBeNull();
    expect(down.deliveries[0].error).toBeTruthy();
  });

  it('counts a response slower than the timeout as failed and retries', async () => {
    await sim.close();
    sim = await startFastSimulator({ webhookTimeoutMs: 150, retrySchedule: [10] });
    const firstIsSlow = async (n: number) => {
      if (n === 1) await new Promise((r) => setTimeout(r, 600));
      return 200;
    };
    const slow = await startReceiver({ appSecret: PAGE.appSecret, verifyToken: PAGE.verifyToken, respond: firstIsSlow });
    await sim.addPage({ ...PAGE, webhookUrl: slow.url });
    const result = await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, text: 'slow' });
    expect(result.deliveries[0]).toMatchObject({ status: null, error: expect.stringContaining('150 ms') });
    await sim.webhooksIdle();
    expect(sim.webhookLog().map((a) => a.status)).toEqual([null, 200]);
    await slow.close();
  });

  it('duplicate: true delivers the same bytes twice even after a 200', async () => {
    const result = await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, text: 'twice', duplicate: true });
    expect(result.deliveries.map((d) => d.status)).toEqual([200, 200]);
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[1].rawBody.equals(receiver.received[0].rawBody)).toBe(true);
    expect(sim.webhookLog().map((a) => a.duplicate)).toEqual([false, true]);
  });

  it("batchWith puts several events in one POST, one entry each, including another page's", async () => {
    const otherPage = '200000000000002';
    const result = await sim.customerSends({
      pageId: PAGE.pageId,
      psid: PSID,
      text: 'first',
      batchWith: [
        { pageId: PAGE.pageId, psid: '1111111111111111', text: 'second' },
        { pageId: otherPage, psid: '2222222222222222', text: 'third' },
      ],
    });
    expect(receiver.received).toHaveLength(1);
    const { entry } = receiver.received[0].payload;
    expect(entry.map((e: any) => e.id)).toEqual([PAGE.pageId, PAGE.pageId, otherPage]);
    expect(entry.map((e: any) => e.messaging[0].message.text)).toEqual(['first', 'second', 'third']);
    expect(entry.map((e: any) => e.messaging[0].message.mid)).toEqual(result.mids);
    expect(sim.webhookLog()[0]).toMatchObject({ eventIds: result.mids, pageIds: [PAGE.pageId, otherPage] });
  });

  it('pageInboxReply sends only an echo carrying the Page Inbox app id', async () => {
    await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, text: 'hi' });
    const reply = await sim.pageInboxReply({ pageId: PAGE.pageId, psid: PSID, text: 'Typed in Business Suite' });
    const echo = receiver.events()[1] as any;
    expect(echo).toMatchObject({ sender: { id: PAGE.pageId }, recipient: { id: PSID } });
    expect(echo.message).toEqual({ is_echo: true, app_id: 263902037430900, mid: reply.mid, text: 'Typed in Business Suite' });
    expect(receiver.received[1].rawBody.toString()).toContain('"app_id":263902037430900');
  });
});
