import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WhatsAppSimulator } from './server';
import { CLOUD, cloudSend, type Receiver, startFastSimulator, startReceiver, template, text, WA } from './test-support';

describe('messages API: accept, then statuses', () => {
  let sim: WhatsAppSimulator;
  let receiver: Receiver;
  const open = () => sim.customerSends({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'hi' });
  beforeEach(async () => {
    receiver = await startReceiver({ appSecret: CLOUD.appSecret, verifyToken: CLOUD.verifyToken });
    sim = await startFastSimulator();
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('200 with a wamid (accepted, not delivered), then sent → delivered → read, without contacts', async () => {
    await open();
    const res = await cloudSend(sim, text('Hello!'));
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ messaging_product: 'whatsapp', contacts: [{ input: WA, wa_id: WA }], messages: [{ id: expect.stringMatching(/^wamid\./) }] });
    await receiver.waitForPosts(4);
    // Emission order is fixed; arrival order is not (POSTs run concurrently, as Meta's do).
    const statuses = receiver.statuses();
    expect(statuses.map((s: any) => s.status).sort()).toEqual(['delivered', 'read', 'sent']);
    expect(statuses.every((s: any) => s.id === res.json.messages[0].id && s.recipient_id === WA && /^\d+$/.test(s.timestamp))).toBe(true);
    expect(receiver.values().slice(1).every((v: any) => v.contacts === undefined)).toBe(true);
    expect(sim.sent()[0]).toMatchObject({ status: 'read', emitted: ['sent', 'delivered', 'read'], body: text('Hello!') });
  });

  it.each([
    ['out_of_order', ['read', 'sent', 'delivered']],
    ['skip_delivered', ['sent', 'read']],
    ['duplicate', ['sent', 'delivered', 'delivered', 'read']],
  ] as const)('scenario %s emits %j, and the record only moves forward', async (scenario, expected) => {
    sim.setStatusScenario(scenario, CLOUD.phoneNumberId);
    await open();
    await cloudSend(sim, text('x'));
    await receiver.waitForPosts(1 + expected.length);
    expect(sim.sent()[0].emitted).toEqual(expected);
    expect(receiver.statuses().map((s: any) => s.status).sort()).toEqual([...expected].sort());
    expect(sim.sent()[0].status).toBe('read');
    // Status timestamps stay in logical order whatever the arrival order.
    const byStatus = Object.fromEntries(receiver.statuses().map((s: any) => [s.status, Number(s.timestamp)]));
    expect(byStatus.read).toBeGreaterThan(byStatus.sent);
  });

  it('random scenarios are reproducible with the same seed', async () => {
    const draw = async () => {
      const s = await startFastSimulator({ statusScenario: 'random', seed: 7, statusDelayMs: 1 });
      await s.registerAccount(CLOUD);
      s.setCustomer({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, lastInboundHoursAgo: 0 });
      for (let i = 0; i < 8; i++) await cloudSend(s, text(`m${i}`));
      await s.webhooksIdle();
      const emitted = s.sent().map((m) => m.emitted.join(','));
      await s.close();
      return emitted;
    };
    const first = await draw();
    expect(await draw()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('free-form to a customer whose last message is > 24 h old: 200, then failed 131047', async () => {
    await open();
    sim.setCustomer({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, lastInboundHoursAgo: 25 });
    const res = await cloudSend(sim, text('late'));
    expect(res.status).toBe(200);
    await receiver.waitForPosts(2);
    expect(receiver.statuses()).toEqual([expect.objectContaining({
      id: res.json.messages[0].id, status: 'failed',
      errors: [expect.objectContaining({ code: 131047, title: 'Re-engagement message', error_data: { details: expect.stringContaining('24 hours') } })],
    })]);
    expect(sim.sent()[0]).toMatchObject({ status: 'failed', errorCode: 131047 });
  });

  it('templates are allowed outside the window and to numbers that never wrote', async () => {
    const res = await cloudSend(sim, template('order_update', 'en_US', ['Ana', '#42', 'tomorrow'], '4915112345678'));
    expect(res.status).toBe(200);
    expect(res.json.messages[0]).toMatchObject({ message_status: 'accepted' });
    await receiver.waitForPosts(3);
    expect(sim.sent()[0].emitted).toEqual(['sent', 'delivered', 'read']);
  });

  it('templates are checked: unknown or unapproved (132001), wrong parameter count (132000)', async () => {
    expect((await cloudSend(sim, template('nope', 'en_US'))).json.error).toMatchObject({ code: 132001 });
    expect((await cloudSend(sim, template('spring_sale', 'en_US', ['a', 'b']))).json.error).toMatchObject({ code: 132001 });
    const wrong = await cloudSend(sim, template('order_update', 'en_US', ['Ana']));
    expect(wrong).toMatchObject({ status: 400, json: { error: { code: 132000, error_data: { messaging_product: 'whatsapp' } } } });
  });

  it('numbers marked "not on WhatsApp": 200, then failed 131026', async () => {
    sim.setCustomer({ phoneNumberId: CLOUD.phoneNumberId, waId: '447700900123', notOnWhatsApp: true });
    const res = await cloudSend(sim, template('hello_world', 'en_US', [], '447700900123'));
    expect(res.status).toBe(200);
    await receiver.waitForPosts(1);
    expect(receiver.statuses()[0]).toMatchObject({ status: 'failed', recipient_id: '447700900123', errors: [{ code: 131026 }] });
  });

  it('Meta-shaped validation errors (no error_subcode)', async () => {
    await open();
    const noProduct = await cloudSend(sim, { to: WA, type: 'text', text: { body: 'x' } });
    expect(noProduct).toMatchObject({ status: 400, json: { error: { code: 100, type: 'OAuthException', fbtrace_id: expect.any(String) } } });
    expect(noProduct.json.error).not.toHaveProperty('error_subcode');
    expect((await cloudSend(sim, { messaging_product: 'whatsapp', type: 'text', text: { body: 'x' } })).json.error.code).toBe(131008);
    expect((await cloudSend(sim, { ...text('x'), text: { body: 'y'.repeat(4097) } })).json.error.code).toBe(131009);
    expect((await cloudSend(sim, { messaging_product: 'whatsapp', to: WA, type: 'image', image: { link: 'ftp://x' } })).json.error.code).toBe(131009);
  });

  it('mark-as-read is accepted and sends nothing', async () => {
    expect((await cloudSend(sim, { messaging_product: 'whatsapp', status: 'read', message_id: 'wamid.X' })).json).toEqual({ success: true });
    expect(sim.sent()).toEqual([]);
  });
});

describe('messages API: sync 131047 option', () => {
  it('answers HTTP 400 with 131047 instead of a later failed status', async () => {
    const sim = await startFastSimulator({ reengagementError: 'sync' });
    await sim.registerAccount(CLOUD);
    const res = await cloudSend(sim, text('cold'));
    expect(res).toMatchObject({ status: 400, json: { error: { code: 131047, message: '(#131047) Re-engagement message' } } });
    expect(sim.sent()).toEqual([]);
    await sim.close();
  });
});
