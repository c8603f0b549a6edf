import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WhatsAppSimulator } from './server';
import { CLOUD, CLOUD_2, type Receiver, startFastSimulator, startReceiver, WA } from './test-support';

const OTHER = '5511987654321';

describe('webhook batching (PROTOCOLS.md 2g)', () => {
  let sim: WhatsAppSimulator;
  let receiver: Receiver;
  beforeEach(async () => {
    receiver = await startReceiver({ appSecret: CLOUD.appSecret, verifyToken: CLOUD.verifyToken });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('several messages in one value, contacts listed once per sender, as strings', async () => {
    sim = await startFastSimulator();
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    const result = await sim.customerSends({
      phoneNumberId: CLOUD.phoneNumberId, waId: WA, name: 'Sheena', text: 'one',
      batchWith: [
        { phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'two' },
        { phoneNumberId: CLOUD.phoneNumberId, waId: OTHER, name: 'Ana', location: { latitude: 1.5, longitude: 2.5 } },
      ],
    });
    expect(result.batching).toBe('value');
    const [post] = await receiver.waitForPosts(1);
    expect(post.payload.entry).toHaveLength(1);
    expect(post.payload.entry[0].changes).toHaveLength(1);
    const value = post.payload.entry[0].changes[0].value;
    expect(value.metadata).toEqual({ display_phone_number: CLOUD.displayPhoneNumber, phone_number_id: CLOUD.phoneNumberId });
    expect(value.contacts).toEqual([{ profile: { name: 'Sheena' }, wa_id: WA }, { profile: { name: 'Ana' }, wa_id: OTHER }]);
    expect(value.messages.map((m: any) => [m.from, m.type, m.id])).toEqual([[WA, 'text', result.wamids[0]], [WA, 'text', result.wamids[1]], [OTHER, 'location', result.wamids[2]]]);
    expect(typeof value.messages[0].timestamp).toBe('string');
    expect(value.messages[0].timestamp).toMatch(/^\d{10}$/);
  });

  it('forced or random multi-change and multi-entry batches', async () => {
    sim = await startFastSimulator({ multiChangeRate: 1 });
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    const batch = { phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'a', batchWith: [{ phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'b' }] };
    expect((await sim.customerSends(batch)).batching).toBe('changes');
    await sim.customerSends({ ...batch, batching: 'entries' });
    const [changes, entries] = await receiver.waitForPosts(2);
    expect(changes.payload.entry).toHaveLength(1);
    expect(changes.payload.entry[0].changes.map((c: any) => c.value.messages.length)).toEqual([1, 1]);
    expect(entries.payload.entry.map((e: any) => e.changes.length)).toEqual([1, 1]);
    expect(entries.payload.entry.every((e: any) => e.id === CLOUD.wabaId)).toBe(true);
  });

  it('two numbers of one WABA in one POST: one entry, one change per number, routed by phone_number_id', async () => {
    sim = await startFastSimulator();
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    await sim.registerAccount({ ...CLOUD_2, webhookUrl: receiver.url });
    await sim.customerSends({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'to support', batchWith: [{ phoneNumberId: CLOUD_2.phoneNumberId, waId: WA, text: 'to sales' }] });
    const [post] = await receiver.waitForPosts(1);
    expect(post.payload.entry[0].changes.map((c: any) => [c.value.metadata.phone_number_id, c.value.messages[0].text.body])).toEqual([
      [CLOUD.phoneNumberId, 'to support'], [CLOUD_2.phoneNumberId, 'to sales'],
    ]);
  });

  it('a BSUID-only customer: no wa_id, no from; user_id and from_user_id instead', async () => {
    sim = await startFastSimulator();
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    await sim.customerSends({ phoneNumberId: CLOUD.phoneNumberId, userId: 'US.13491208655302741918', username: '@jane', hidePhone: true, name: 'Jane', text: 'hi' });
    const [value] = (await receiver.waitForPosts(1)) && receiver.values();
    expect(value.contacts).toEqual([{ profile: { name: 'Jane', username: '@jane' }, user_id: 'US.13491208655302741918' }]);
    expect(value.messages[0]).not.toHaveProperty('from');
    expect(value.messages[0].from_user_id).toBe('US.13491208655302741918');
  });
});
