import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WhatsAppSimulator } from './server';
import { CLOUD, cloudSend, D360, type Receiver, startFastSimulator, startReceiver, text, WA } from './test-support';

describe('control API over HTTP', () => {
  let sim: WhatsAppSimulator;
  let receiver: Receiver;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as any };
  };
  beforeEach(async () => {
    receiver = await startReceiver({ appSecret: CLOUD.appSecret, verifyToken: CLOUD.verifyToken });
    sim = await startFastSimulator();
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('rejects bad input with 400 and a readable reason', async () => {
    const bad: [string, unknown][] = [
      ['/_sim/accounts', { ...CLOUD, phoneNumberId: 106540352242922 }],
      ['/_sim/accounts', { ...CLOUD, accessToken: undefined }],
      ['/_sim/accounts', { ...D360, apiKey: undefined }],
      ['/_sim/customers/send', { phoneNumberId: CLOUD.phoneNumberId, waId: WA }],
      ['/_sim/customers/send', { phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'a', image: {} }],
      ['/_sim/customers/send', { phoneNumberId: CLOUD.phoneNumberId, text: 'who?' }],
      ['/_sim/customers/send', { phoneNumberId: CLOUD.phoneNumberId, waId: WA, hidePhone: true, text: 'x' }],
      ['/_sim/customers/send', { phoneNumberId: CLOUD.phoneNumberId, waId: '+1 650', text: 'x' }],
      ['/_sim/customers/send', { phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'x', extra: 1 }],
      ['/_sim/fail-next', { phoneNumberId: CLOUD.phoneNumberId }],
      ['/_sim/status-scenario', { scenario: 'sometimes' }],
      ['/_sim/webhooks/redeliver', { deliveryId: 'not-a-uuid' }],
    ];
    for (const [path, body] of bad) {
      const res = await call('POST', path, body);
      expect(res.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(res.json.error).toMatch(/^invalid input: /);
    }
    expect((await call('GET', '/_sim/sent?count=0')).status).toBe(400);
    const notJson = await fetch(`${sim.url}/_sim/accounts`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('404 for unknown numbers and routes, 409 without a webhook to deliver to', async () => {
    expect((await call('POST', '/_sim/customers/send', { phoneNumberId: '999999999', waId: WA, text: 'x' })).status).toBe(404);
    expect((await call('POST', '/_sim/fail-next', { phoneNumberId: '999999999', code: 1 })).status).toBe(404);
    expect((await call('GET', '/_sim/nope')).status).toBe(404);
    await call('POST', '/_sim/accounts', CLOUD);
    expect((await call('POST', '/_sim/customers/send', { phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'x' })).status).toBe(409);
  });

  it('registers a Cloud number with the hub.challenge handshake, drives a conversation and lists traffic', async () => {
    const reg = await call('POST', '/_sim/accounts', { ...CLOUD, webhookUrl: receiver.url });
    expect(reg).toMatchObject({ status: 201, json: { verified: true, status: 200, account: { phoneNumberId: CLOUD.phoneNumberId, verified: true } } });
    expect((await sim.registerAccount({ ...CLOUD, verifyToken: 'wrong', webhookUrl: receiver.url })).verified).toBe(false);

    const sent = await call('POST', '/_sim/customers/send', { phoneNumberId: CLOUD.phoneNumberId, waId: WA, name: 'Ana', text: 'Olá' });
    expect(sent.json).toMatchObject({ wamid: expect.stringMatching(/^wamid\./), batching: 'value', deliveries: [{ status: 200, attempt: 1 }] });
    const reply = await cloudSend(sim, { ...text('Oi Ana'), context: { message_id: sent.json.wamid } });
    const waited = await call('GET', `/_sim/sent?phoneNumberId=${CLOUD.phoneNumberId}&count=1&waitMs=1000`);
    expect(waited.json).toEqual([expect.objectContaining({ wamid: reply.json.messages[0].id, to: WA, type: 'text' })]);
    const convo = await call('GET', `/_sim/conversations?phoneNumberId=${CLOUD.phoneNumberId}&customer=${WA}`);
    expect(convo.json.map((m: any) => [m.direction, m.type])).toEqual([['in', 'text'], ['out', 'text']]);
    expect((await call('GET', `/_sim/customers?phoneNumberId=${CLOUD.phoneNumberId}`)).json).toEqual([expect.objectContaining({ address: WA, name: 'Ana' })]);
    expect((await call('GET', `/_sim/webhooks?eventId=${encodeURIComponent(sent.json.wamid)}`)).json).toEqual([expect.objectContaining({ status: 200, kinds: ['text'] })]);
  });

  it('customer sends of every kind, reply-to and a removed reaction', async () => {
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    const base = { phoneNumberId: CLOUD.phoneNumberId, waId: WA };
    for (const extra of [
      { text: 'quoted', replyTo: 'wamid.OUT_1' }, { location: { latitude: 1, longitude: 2, name: 'Here' } },
      { buttonReply: { id: 'agent', title: 'Talk to agent' } }, { listReply: { id: 'p', title: 'Pro' } },
      { templateButton: { payload: 'STOP', text: 'Stop' } }, { reaction: { messageId: 'wamid.OUT_1', emoji: '👍' } },
      { reaction: { messageId: 'wamid.OUT_1', emoji: '' } },
    ]) expect((await call('POST', '/_sim/customers/send', { ...base, ...extra })).status).toBe(200);
    const messages = (await receiver.waitForPosts(7)) && receiver.values().map((v: any) => v.messages[0]);
    expect(messages[0]).toMatchObject({ type: 'text', context: { from: CLOUD.displayPhoneNumber, id: 'wamid.OUT_1' } });
    expect(messages.map((m: any) => m.type)).toEqual(['text', 'location', 'interactive', 'interactive', 'button', 'reaction', 'reaction']);
    expect(messages[5].reaction).toEqual({ message_id: 'wamid.OUT_1', emoji: '👍' });
    expect(messages[6].reaction).toEqual({ message_id: 'wamid.OUT_1' });
  });

  it('customer state, status scenario, fail-next, expire-token and reset', async () => {
    await call('POST', '/_sim/accounts', { ...CLOUD, webhookUrl: receiver.url });
    await call('POST', '/_sim/customers/send', { phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'hi' });
    expect((await call('POST', '/_sim/customers/state', { phoneNumberId: CLOUD.phoneNumberId, waId: WA, lastInboundHoursAgo: 30, notOnWhatsApp: true })).json)
      .toMatchObject({ notOnWhatsApp: true, lastInboundAt: expect.any(Number) });
    expect((await call('POST', '/_sim/status-scenario', { phoneNumberId: CLOUD.phoneNumberId, scenario: 'none' })).status).toBe(200);
    expect((await call('POST', '/_sim/fail-next', { phoneNumberId: CLOUD.phoneNumberId, code: 368 })).status).toBe(200);
    expect((await cloudSend(sim, text('x'))).json.error.code).toBe(368);
    await call('POST', '/_sim/accounts/expire-token', { phoneNumberId: CLOUD.phoneNumberId });
    expect((await cloudSend(sim, text('x'))).status).toBe(401);
    await call('POST', '/_sim/reset', { keepAccounts: true });
    expect((await call('GET', '/_sim/accounts')).json).toHaveLength(1);
    expect((await call('GET', '/_sim/webhooks')).json).toEqual([]);
    await call('POST', '/_sim/reset', {});
    expect((await call('GET', '/_sim/accounts')).json).toEqual([]);
  });

  it('360dialog endpoints: webhook config (url + headers), templates, and 401 for a bad key', async () => {
    await sim.registerAccount(D360);
    const headers = { 'D360-API-KEY': D360.apiKey, 'Content-Type': 'application/json' };
    const set = await fetch(`${sim.url}/v1/configs/webhook`, { method: 'POST', headers, body: JSON.stringify({ url: receiver.url, headers: { Authorization: 's3' } }) });
    expect(await set.json()).toEqual({ url: receiver.url });
    expect(await (await fetch(`${sim.url}/v1/configs/webhook`, { headers })).json()).toEqual({ url: receiver.url });
    expect(sim.accounts()[0].webhookHeaders).toEqual({ Authorization: 's3' });
    const templates = (await (await fetch(`${sim.url}/v1/configs/templates`, { headers })).json()) as any;
    expect(templates.waba_templates.map((t: any) => [t.name, t.status])).toContainEqual(['order_update', 'approved']);
    const refused = await fetch(`${sim.url}/v1/configs/webhook`, { headers: { 'D360-API-KEY': 'nope' } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ meta: { http_code: 401 } });
  });

  it('360dialog strict URL rules (like 360dialog Cloud): no port, no "_" in the host', async () => {
    const strict = await startFastSimulator({ strict360WebhookUrls: true });
    await strict.registerAccount(D360);
    const post = (url: string) => fetch(`${strict.url}/v1/configs/webhook`, { method: 'POST', headers: { 'D360-API-KEY': D360.apiKey }, body: JSON.stringify({ url }) });
    expect((await post('https://inbox.example.com:8443/hook')).status).toBe(400);
    expect((await post('https://my_inbox.example.com/hook')).status).toBe(400);
    expect((await post('https://inbox.example.com/hook')).status).toBe(200);
    await strict.close();
  });

  it('Cloud template list with cursor paging; phone number fields', async () => {
    await sim.registerAccount(CLOUD);
    const auth = { Authorization: `Bearer ${CLOUD.accessToken}` };
    const first = (await (await fetch(`${sim.url}/v23.0/${CLOUD.wabaId}/message_templates?limit=3`, { headers: auth })).json()) as any;
    expect(first.data).toHaveLength(3);
    const second = (await (await fetch(first.paging.next, { headers: auth })).json()) as any;
    expect(second.data.map((t: any) => t.name)).toEqual(['spring_sale']);
    expect(second.paging.next).toBeUndefined();
    const number = (await (await fetch(`${sim.url}/v23.0/${CLOUD.phoneNumberId}?fields=display_phone_number,verified_name`, { headers: auth })).json()) as any;
    expect(number).toEqual({ display_phone_number: CLOUD.displayPhoneNumber, verified_name: CLOUD.verifiedName, id: CLOUD.phoneNumberId });
  });
});
