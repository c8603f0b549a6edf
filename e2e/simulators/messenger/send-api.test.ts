import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MessengerSimulator } from './server';
import { appsecretProof } from './signing';
import { PAGE, PSID, sendApi, startFastSimulator, startReceiver, textReply } from './test-support';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('fake Send API', () => {
  let sim: MessengerSimulator;
  let receiver: Receiver;

  beforeEach(async () => {
    receiver = await startReceiver({ appSecret: PAGE.appSecret, verifyToken: PAGE.verifyToken });
    sim = await startFastSimulator({ rateLimitPerSecond: 5 });
    await sim.addPage({ ...PAGE, webhookUrl: receiver.url });
    await sim.customerSends({ pageId: PAGE.pageId, psid: PSID, text: 'hello' });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('accepts a reply, records it, then sends echo, delivery and read webhooks', async () => {
    const body = textReply('Hi Zoë 👋', { message: { text: 'Hi Zoë 👋', metadata: 'sb:msg-42' } });
    const { status, json } = await sendApi(sim, body);
    expect(status).toBe(200);
    expect(json).toEqual({ recipient_id: PSID, message_id: expect.stringMatching(/^m_/) });
    expect(sim.sent()).toEqual([
      expect.objectContaining({ pageId: PAGE.pageId, psid: PSID, messageId: json.message_id, messagingType: 'RESPONSE', metadata: 'sb:msg-42', text: 'Hi Zoë 👋', body }),
    ]);

    await receiver.waitForPosts(4);
    const events = receiver.events() as any[];
    const echo = events.find((e) => e.message?.is_echo);
    expect(echo).toMatchObject({ sender: { id: PAGE.pageId }, recipient: { id: PSID }, timestamp: expect.any(Number) });
    expect(echo.message).toEqual({ is_echo: true, app_id: 1517776481860111, metadata: 'sb:msg-42', mid: json.message_id, text: 'Hi Zoë 👋' });
    expect(receiver.received.some((r) => r.rawBody.toString().includes('"app_id":1517776481860111,'))).toBe(true);
    const delivery = events.find((e) => e.delivery);
    expect(delivery).toEqual({ sender: { id: PSID }, recipient: { id: PAGE.pageId }, delivery: { mids: [json.message_id], watermark: expect.any(Number) } });
    const read = events.find((e) => e.read);
    expect(read).toMatchObject({ sender: { id: PSID }, recipient: { id: PAGE.pageId }, read: { watermark: expect.any(Number) } });
    const sentAt = sim.sent()[0].time;
    expect(delivery.delivery.watermark).toBeGreaterThan(sentAt);
    expect(read.read.watermark).toBeGreaterThan(sentAt);
    expect(receiver.received.every((r) => r.validSha256 && r.validSha1)).toBe(true);
    expect(sim.sent()[0].status).toBe('read');
  });

  it('sends only the receipts that are switched on for the page', async () => {
    sim.setReceipts(PAGE.pageId, { echo: false, read: false });
    await sendApi(sim, textReply('quiet'));
    await sim.webhooksIdle();
    const kinds = sim.webhookLog().flatMap((a) => a.kinds);
    expect(kinds).toEqual(['message', 'delivery']);
  });

  it('accepts attachments by URL and returns an attachment_id when reusable', async () => {
    const body = { recipient: { id: PSID }, messaging_type: 'RESPONSE', message: { attachment: { type: 'image', payload: { url: 'https://cdn.example/a.jpg', is_reusable: true } } } };
    const { status, json } = await sendApi(sim, body);
    expect(status).toBe(200);
    expect(json.attachment_id).toMatch(/^\d+$/);
    expect(sim.sent()[0].attachment).toEqual(body.message.attachment);
  });

  it('records sender actions without a message id', async () => {
    const { status, json } = await sendApi(sim, { recipient: { id: PSID }, sender_action: 'typing_on' });
    expect(status).toBe(200);
    expect(json).toEqual({ recipient_id: PSID });
    expect(sim.senderActions()).toEqual([expect.objectContaining({ action: 'typing_on', psid: PSID })]);
    expect(sim.sent()).toEqual([]);
  });

  it('answers 190 in Graph shape for an unknown or expired token', async () => {
    const unknown = await sendApi(sim, textReply('x'), { access_token: 'nope' });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error).toMatchObject({ type: 'OAuthException', code: 190, fbtrace_id: expect.any(String) });

    sim.expireToken(PAGE.pageId);
    const expired = await sendApi(sim, textReply('x'));
    expect(expired.status).toBe(400);
    expect(Object.keys(expired.json.error)).toEqual(['message', 'type', 'code', 'error_subcode', 'fbtrace_id']);
    expect(expired.json.error).toMatchObject({ message: 'Error validating access token: Session has expired', code: 190, error_subcode: 463 });
    expect(sim.sent()).toEqual([]);
  });

  it('checks appsecret_proof when present', async () => {
    const good = await sendApi(sim, textReply('x'), { appsecret_proof: appsecretProof(PAGE.appSecret, PAGE.accessToken) });
    expect(good.status).toBe(200);
    const bad = await sendApi(sim, textReply('x'), { appsecret_proof: appsecretProof('wrong', PAGE.accessToken) });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatchObject({ code: 100, message: 'Invalid appsecret_proof provided in the API argument' });
  });

  it('rejects bad parameters with code 100', async () => {
    const long = await sendApi(sim, textReply('a'.repeat(2001)));
    expect(long.json.error).toMatchObject({ code: 100, message: '(#100) Length of param message[text] must be less than or equal to 2000' });
    expect((await sendApi(sim, textReply('😀'.repeat(2000)))).status).toBe(200); // characters, not UTF-16 units
    const { messaging_type: _omitted, ...noType } = textReply('x');
    const missing = await sendApi(sim, noType);
    expect(missing.status).toBe(400);
    expect(missing.json.error).toMatchObject({ code: 100, message: expect.stringContaining('messaging_type') });
    const retiredTag = await sendApi(sim, textReply('x', { messaging_type: 'MESSAGE_TAG', tag: 'ISSUE_RESOLUTION' }));
    expect(retiredTag.json.error.code).toBe(100);
  });

  it('answers 100/2018001 for a PSID that never wrote to the page', async () => {
    const { status, json } = await sendApi(sim, { ...textReply('x'), recipient: { id: '9999999999999999' } });
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 100, error_subcode: 2018001, message: '(#100) No matching user found' });
  });

  it('answers 551/1545041 for a customer who blocked the page', async () => {
    sim.blockCustomer(PAGE.pageId, PSID);
    const { status, json } = await sendApi(sim, textReply('x'));
    expect(status).toBe(400);
    expect(json.error).toMatchObject({ code: 551, error_subcode: 1545041, message: "(#551) This person isn't available right now." });
  });

  it('failNext returns exactly the injected error once, including 5xx and delays', async () => {
    sim.failNext(PAGE.pageId, { httpStatus: 400, code: 10, subcode: 2018278, message: '(#10) custom' });
    const injected = await sendApi(sim, textReply('x'));
    expect(injected.status).toBe(400);
    expect(injected.json.error).toMatchObject({ code: 10, error_subcode: 2018278, message: '(#10) custom', type: 'OAuthException' });
    expect((await sendApi(sim, textReply('x'))).status).toBe(200);

    sim.failNext(PAGE.pageId, { httpStatus: 500, code: 1200, delayMs: 60 });
    const started = Date.now();
    const transient = await sendApi(sim, textReply('x'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(transient.status).toBe(500);
    expect(transient.json.error).toMatchObject({ code: 1200, is_transient: true });
  });

  it('an outage fails every send for its duration, cycling through its responses, with Retry-After when asked', async () => {
    const res = await fetch(`${sim.url}/_sim/outage`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ pageId: PAGE.pageId, durationMs: 300, responses: [{ httpStatus: 429, code: 4, retryAfterSeconds: 7 }, { httpStatus: 500, code: 2 }] }),
    });
    expect(res.status).toBe(200);
    const params = new URLSearchParams({ access_token: PAGE.accessToken });
    const limited = await fetch(`${sim.url}/v21.0/me/messages?${params}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(textReply('x')) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    expect(((await limited.json()) as any).error).toMatchObject({ code: 4 });
    const failed = await sendApi(sim, textReply('x'));
    expect(failed.status).toBe(500);
    expect(failed.json.error).toMatchObject({ code: 2, is_transient: true });
    expect((await sendApi(sim, textReply('x'))).status).toBe(429);
    expect(sim.sent()).toHaveLength(0);
    await new Promise((r) => setTimeout(r, 320));
    expect((await sendApi(sim, textReply('after'))).status).toBe(200);
    expect(sim.sent().map((m) => m.text)).toEqual(['after']);
  });

  it('answers 613 above the per-page rate limit', async () => {
    const results = await Promise.all(Array.from({ length: 8 }, () => sendApi(sim, textReply('burst'))));
    const codes = results.map((r) => (r.status === 200 ? 200 : r.json.error.code));
    expect(codes.filter((c) => c === 200)).toHaveLength(5);
    expect(codes.filter((c) => c === 613)).toHaveLength(3);
    expect(results.find((r) => r.status !== 200)?.json.error.message).toBe('(#613) Calls to this API have exceeded the rate limit.');
  });

  it('accepts the page id in the path and rejects another node', async () => {
    const ok = await fetch(`${sim.url}/v21.0/${PAGE.pageId}/messages?access_token=${PAGE.accessToken}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(textReply('x')),
    });
    expect(ok.status).toBe(200);
    const other = await fetch(`${sim.url}/v21.0/123/messages?access_token=${PAGE.accessToken}`, { method: 'POST', body: '{}' });
    expect(((await other.json()) as any).error).toMatchObject({ code: 100, error_subcode: 33 });
  });
});
