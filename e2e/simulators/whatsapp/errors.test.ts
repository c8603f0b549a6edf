import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WhatsAppSimulator } from './server';
import { CLOUD, CLOUD_2, cloudSend, type Receiver, startFastSimulator, startReceiver, template, text, WA } from './test-support';

describe('throttling and errors', () => {
  let sim: WhatsAppSimulator;
  let receiver: Receiver;
  let clock: number;
  beforeEach(async () => {
    clock = Date.parse('2026-03-10T12:00:00Z');
    receiver = await startReceiver({ appSecret: CLOUD.appSecret, verifyToken: CLOUD.verifyToken });
    sim = await startFastSimulator({ now: () => clock, statusScenario: 'none' });
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    await sim.customerSends({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'hi' });
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('pair rate: 45 messages burst to one customer, the 46th gets HTTP 400 code 131056; one more after 6 s', async () => {
    for (let i = 0; i < 45; i++) expect((await cloudSend(sim, text(`m${i}`))).status).toBe(200);
    const limited = await cloudSend(sim, text('one too many'));
    expect(limited).toMatchObject({ status: 400, json: { error: { code: 131056 } } });
    // Another customer is not affected.
    expect((await cloudSend(sim, template('hello_world', 'en_US', [], '4915112345678'))).status).toBe(200);
    clock += 6000;
    expect((await cloudSend(sim, text('after 6 s'))).status).toBe(200);
    expect((await cloudSend(sim, text('too soon again'))).json.error.code).toBe(131056);
  });

  it('global throughput: more than 80 messages per second per number → 130429', async () => {
    let limited = 0;
    for (let i = 0; i < 81; i++) {
      const res = await cloudSend(sim, template('hello_world', 'en_US', [], `49151${String(i).padStart(8, '0')}`));
      if (res.json.error?.code === 130429) limited++;
    }
    expect(limited).toBe(1);
  });

  it('a bad token → 190 with HTTP 401; an expired one too; a token without that number → 100', async () => {
    const bad = await cloudSend(sim, text('x'), { token: 'nope' });
    expect(bad).toMatchObject({ status: 401, json: { error: { code: 190, type: 'OAuthException' } } });
    sim.expireToken(CLOUD.phoneNumberId);
    expect(await cloudSend(sim, text('x'))).toMatchObject({ status: 401, json: { error: { code: 190, message: expect.stringContaining('expired') } } });
    await sim.registerAccount({ ...CLOUD_2, accessToken: 'other-token' });
    expect(await cloudSend(sim, text('x'), { token: 'other-token' })).toMatchObject({ status: 400, json: { error: { code: 100 } } });
  });

  it('fail-next: any code synchronously with its usual HTTP status, or asynchronously as a failed status', async () => {
    sim.failNext(CLOUD.phoneNumberId, { code: 131000 });
    expect(await cloudSend(sim, text('x'))).toMatchObject({ status: 500, json: { error: { code: 131000 } } });
    sim.failNext(CLOUD.phoneNumberId, { code: 4, httpStatus: 429, times: 2 });
    expect((await cloudSend(sim, text('x'))).status).toBe(429);
    expect((await cloudSend(sim, text('x'))).json.error.code).toBe(4);
    sim.failNext(CLOUD.phoneNumberId, { code: 131049, async: true });
    const res = await cloudSend(sim, text('x'));
    expect(res.status).toBe(200);
    await receiver.waitForPosts(2);
    expect(receiver.statuses()[0]).toMatchObject({ status: 'failed', errors: [{ code: 131049 }] });
    expect((await cloudSend(sim, text('fine again'))).status).toBe(200);
  });
});
