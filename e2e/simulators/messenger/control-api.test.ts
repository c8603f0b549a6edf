import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessengerSimulator } from './server';
import { PAGE, PSID, sendApi, startFastSimulator, startReceiver, textReply } from './test-support';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('control API over HTTP', () => {
  let sim: MessengerSimulator;
  let receiver: Receiver;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as any };
  };

  beforeEach(async () => {
    receiver = await startReceiver({ appSecret: PAGE.appSecret, verifyToken: PAGE.verifyToken });
    sim = await startFastSimulator({ autoReceipts: { echo: false, delivery: true, read: false } });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('POST /_sim/pages performs the verify-and-save handshake', async () => {
    const ok = await call('POST', '/_sim/pages', { ...PAGE, webhookUrl: receiver.url });
    expect(ok.status).toBe(201);
    expect(ok.json).toMatchObject({ verified: true, status: 200, page: { pageId: PAGE.pageId, verified: true } });
    expect(ok.json.body).toBe(ok.json.challenge);
    expect(ok.json.challenge).toMatch(/^\d{10}$/);

    const wrongToken = await sim.addPage({ ...PAGE, verifyToken: 'wrong', webhookUrl: receiver.url });
    expect(wrongToken).toMatchObject({ verified: false, status: 403, body: 'forbidden' });
    expect((await call('GET', '/_sim/pages')).json).toEqual([expect.objectContaining({ pageId: PAGE.pageId, verified: false })]);

    await receiver.close();
    const down = await sim.addPage({ ...PAGE, webhookUrl: receiver.url });
    expect(down).toMatchObject({ verified: false, status: null, error: expect.any(String) });
  });

  it('drives a conversation: customer send, app reply, ordered conversation with status', async () => {
    await call('POST', '/_sim/pages', { ...PAGE, webhookUrl: receiver.url });
    const sent = await call('POST', '/_sim/customers/send', { pageId: PAGE.pageId, psid: PSID, name: 'Ana', text: 'Olá' });
    expect(sent.status).toBe(200);
    expect(sent.json.deliveries[0]).toMatchObject({ status: 200, attempt: 1 });
    const reply = await sendApi(sim, textReply('Hi Ana'));

    const waited = await call('GET', `/_sim/sent?pageId=${PAGE.pageId}&count=1&waitMs=1000`);
    expect(waited.json).toEqual([expect.objectContaining({ messageId: reply.json.message_id, text: 'Hi Ana' })]);
    await sim.waitFor(() => sim.sent()[0].status === 'delivered', 2000);
    const convo = await call('GET', `/_sim/conversations?pageId=${PAGE.pageId}&psid=${PSID}`);
    expect(convo.json.map((m: any) => [m.direction, m.text])).toEqual([['in', 'Olá'], ['out', 'Hi Ana']]);
    expect(convo.json[1].status).toBe('delivered');
    expect((await call('GET', `/_sim/customers?pageId=${PAGE.pageId}`)).json).toEqual([expect.objectContaining({ psid: PSID, name: 'Ana' })]);
    const log = await call('GET', `/_sim/webhooks?eventId=${sent.json.mid}`);
    expect(log.json).toEqual([expect.objectContaining({ status: 200, attempt: 1, kinds: ['message'] })]);
  });

  it('controls errors and windows: fail-next, block, expire-token, last-inbound, receipts, reset', async () => {
    await call('POST', '/_sim/pages', { ...PAGE, webhookUrl: receiver.url });
    await call('POST', '/_sim/customers/send', { pageId: PAGE.pageId, psid: PSID, text: 'hi' });

    expect((await call('POST', '/_sim/fail-next', { pageId: PAGE.pageId, httpStatus: 500, code: 2 })).status).toBe(200);
    expect((await sendApi(sim, textReply('x'))).json.error).toMatchObject({ code: 2, is_transient: true });

    await call('POST', '/_sim/last-inbound', { pageId: PAGE.pageId, psid: PSID, hoursAgo: 30 });
    expect((await sendApi(sim, textReply('x'))).json.error.error_subcode).toBe(2018278);
    await call('POST', '/_sim/last-inbound', { pageId: PAGE.pageId, psid: PSID, at: new Date().toISOString() });

    await call('POST', '/_sim/customers/block', { pageId: PAGE.pageId, psid: PSID });
    expect((await sendApi(sim, textReply('x'))).json.error.code).toBe(551);
    await call('POST', '/_sim/customers/block', { pageId: PAGE.pageId, psid: PSID, blocked: false });

    await call('POST', '/_sim/pages/expire-token', { pageId: PAGE.pageId });
    expect((await sendApi(sim, textReply('x'))).json.error.code).toBe(190);
    await call('POST', '/_sim/pages/expire-token', { pageId: PAGE.pageId, expired: false });

    await call('POST', '/_sim/receipts', { pageId: PAGE.pageId, delivery: false });
    expect((await sendApi(sim, textReply('ok'))).status).toBe(200);
    await sim.webhooksIdle();
    expect(sim.webhookLog().flatMap((a) => a.kinds)).toEqual(['message']);

    await call('POST', '/_sim/reset', { keepPages: true });
    expect((await call('GET', '/_sim/sent')).json).toEqual([]);
    expect((await call('GET', '/_sim/pages')).json).toHaveLength(1);
    await call('POST', '/_sim/reset', {});
    expect((await call('GET', '/_sim/pages')).json).toEqual([]);
  });

  it('rejects bad input with 400 and a clear message', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['/_sim/pages', { pageId: 'abc', accessToken: 't', appSecret: 's' }, /pageId/],
      ['/_sim/pages', { pageId: '1', appSecret: 's' }, /accessToken/],
      ['/_sim/pages', { pageId: '1', accessToken: 't', appSecret: 's', webhookUrl: 'ftp://x' }, /webhookUrl/],
      ['/_sim/pages', { pageId: '1', accessToken: 't', appSecret: 's', typo: 1 }, /typo/],
      ['/_sim/customers/send', { pageId: '1', psid: '2' }, /one of text, attachments or postback/],
      ['/_sim/customers/send', { pageId: '1', psid: '2', text: 'x', postback: { title: 't', payload: 'p' } }, /postback cannot be combined/],
      ['/_sim/customers/send', { pageId: '1', psid: '2', attachments: [{ type: 'sticker', url: 'http://x' }] }, /type/],
      ['/_sim/fail-next', { pageId: '1' }, /code/],
      ['/_sim/last-inbound', { pageId: '1', psid: '2' }, /hoursAgo/],
      ['/_sim/last-inbound', { pageId: '1', psid: '2', at: 'yesterday' }, /at/],
      ['/_sim/receipts', { pageId: '1', echo: 'yes' }, /echo/],
      ['/_sim/customers/block', { psid: '2' }, /pageId/],
    ];
    for (const [path, body, pattern] of cases) {
      const { status, json } = await call('POST', path, body);
      expect(status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(json.error).toMatch(/^invalid input: /);
      expect(json.error).toMatch(pattern);
    }
    const notJson = await fetch(`${sim.url}/_sim/pages`, { method: 'POST', body: '{oops' });
    expect(notJson.status).toBe(400);
    expect((await call('GET', '/_sim/conversations?pageId=1')).status).toBe(400);
    expect((await call('GET', '/_sim/sent?color=red')).status).toBe(400);
    expect((await call('POST', '/_sim/customers/send', { pageId: '1', psid: '2', text: 'x' })).status).toBe(404);
    expect((await call('POST', '/_sim/nothing', {})).status).toBe(404);
  });

  it('serves the chat page and sample media without external assets', async () => {
    const page = await fetch(`${sim.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const html = await page.text();
    expect(html).toContain('Messenger simulator');
    expect(html).not.toMatch(/(src|href)=["']?https?:/);
    expect(html).not.toContain('innerHTML');
    const image = await fetch(`${sim.url}/_sim/media/image.png`);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
  });
});
