import { afterEach, describe, expect, it } from 'vitest';
import { compressedRetrySchedule, META_RETRY_SCHEDULE_MS, type WhatsAppSimulator } from './server';
import { CLOUD, type Receiver, startFastSimulator, startReceiver, WA } from './test-support';

describe('webhook retries and duplicates', () => {
  let sim: WhatsAppSimulator;
  let receiver: Receiver;
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('retries a non-200 with the identical bytes and signature, on the (compressed) schedule', async () => {
    receiver = await startReceiver({ appSecret: CLOUD.appSecret, verifyToken: CLOUD.verifyToken, respond: (n) => (n < 3 ? 500 : 200) });
    sim = await startFastSimulator();
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    const result = await sim.customerSends({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'retry me' });
    expect(result.deliveries[0]).toMatchObject({ status: 500, attempt: 1 });
    const posts = await receiver.waitForPosts(3);
    expect(new Set(posts.map((p) => p.rawBody.toString())).size).toBe(1);
    expect(new Set(posts.map((p) => p.headers['x-hub-signature-256'])).size).toBe(1);
    await sim.webhooksIdle();
    expect(sim.webhookLog().map((a) => [a.attempt, a.status, a.willRetry])).toEqual([[1, 500, true], [2, 500, true], [3, 200, false]]);
  });

  it('gives up after the last retry', async () => {
    receiver = await startReceiver({ appSecret: CLOUD.appSecret, verifyToken: CLOUD.verifyToken, respond: () => 503 });
    sim = await startFastSimulator();
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    await sim.customerSends({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'x' });
    await sim.webhooksIdle();
    expect(sim.webhookLog().map((a) => a.willRetry)).toEqual([true, true, false]);
  });

  it('duplicates: on the send itself, or later on demand by delivery id', async () => {
    receiver = await startReceiver({ appSecret: CLOUD.appSecret, verifyToken: CLOUD.verifyToken });
    sim = await startFastSimulator();
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    const sent = await sim.customerSends({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, text: 'twice', duplicate: true });
    expect(sent.deliveries).toHaveLength(2);
    const again = await sim.redeliver(sent.deliveries[0].deliveryId);
    expect(again.status).toBe(200);
    const posts = await receiver.waitForPosts(3);
    expect(new Set(posts.map((p) => p.rawBody.toString())).size).toBe(1);
    expect(sim.webhookLog().map((a) => a.duplicate)).toEqual([false, true, true]);
  });

  it('the default schedule is Meta’s ~7 days, compressible', () => {
    const days = META_RETRY_SCHEDULE_MS.reduce((a, b) => a + b, 0) / 86_400_000;
    expect(days).toBeGreaterThan(6.5);
    expect(days).toBeLessThanOrEqual(7);
    expect(compressedRetrySchedule(1000).reduce((a, b) => a + b, 0)).toBeLessThan(11 * 60_000);
  });
});
