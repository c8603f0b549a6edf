import { afterEach, describe, expect, it } from 'vitest';
import type { TelegramSimulator } from './server';
import { ANA, botApi, connectedBot, SECRET, startFastSimulator, startReceiver } from './test-support';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('webhook delivery', () => {
  let sim: TelegramSimulator;
  let receiver: Receiver;
  afterEach(async () => {
    await sim?.close();
    await receiver?.close();
  });

  it('one Update per POST with the secret-token header; update_id strictly increasing with gaps', async () => {
    receiver = await startReceiver();
    sim = await startFastSimulator({ updateIdGap: [2, 5] });
    await connectedBot(sim, receiver.url);
    for (const text of ['one', 'two 👋', 'three']) sim.userSends({ from: ANA, text });
    await receiver.waitForPosts(3);
    for (const r of receiver.received) {
      expect(r.headers['x-telegram-bot-api-secret-token']).toBe(SECRET);
      expect(r.headers['content-type']).toBe('application/json');
      expect(Object.keys(r.update)).toEqual(['update_id', 'message']);
    }
    const ids = receiver.updateIds();
    for (let i = 1; i < ids.length; i++) expect(ids[i] - ids[i - 1]).toBeGreaterThanOrEqual(2);
    expect(receiver.received.map((r) => r.update.message.text)).toEqual(['one', 'two 👋', 'three']);
  });

  it('retries a non-2xx with identical bytes while later updates wait behind it (the queue stalls)', async () => {
    receiver = await startReceiver({ respond: (n) => (n <= 2 ? 500 : 200) });
    sim = await startFastSimulator({ retrySchedule: [60, 60] });
    await connectedBot(sim, receiver.url);
    const first = sim.userSends({ from: ANA, text: 'first' });
    const second = sim.userSends({ from: ANA, text: 'second' });
    await new Promise((r) => setTimeout(r, 30));
    // While the first is failing, the second has not been attempted and both are pending.
    expect(receiver.updateIds()).toEqual([first.updateId]);
    expect((await botApi(sim, 'getWebhookInfo')).json.result).toMatchObject({ pending_update_count: 2, last_error_message: 'Wrong response from the webhook: 500 Internal Server Error' });
    await sim.waitForDelivery(second.updateId!, 3000);
    expect(receiver.updateIds()).toEqual([first.updateId, first.updateId, first.updateId, second.updateId]);
    expect(receiver.received[0].rawBody.equals(receiver.received[2].rawBody)).toBe(true);
    expect(sim.webhookLog({ updateId: first.updateId! }).map((a) => [a.attempt, a.status, a.willRetry])).toEqual([[1, 500, true], [2, 500, true], [3, 200, false]]);
    expect((await botApi(sim, 'getWebhookInfo')).json.result.pending_update_count).toBe(0);
  });

  it('gives up on an update after the last retry and moves on', async () => {
    receiver = await startReceiver({ respond: (_n, update) => (update.message.text === 'poison' ? 400 : 200) });
    sim = await startFastSimulator({ retrySchedule: [10, 10] });
    await connectedBot(sim, receiver.url);
    const poison = sim.userSends({ from: ANA, text: 'poison' });
    const next = sim.userSends({ from: ANA, text: 'next' });
    await sim.waitForDelivery(next.updateId!, 3000);
    const attempts = sim.webhookLog({ updateId: poison.updateId! });
    expect(attempts).toHaveLength(3);
    expect(attempts[2]).toMatchObject({ gaveUp: true, willRetry: false });
  });

  it('network errors count as failures too, with Telegram’s words in getWebhookInfo', async () => {
    receiver = await startReceiver();
    const deadUrl = receiver.url;
    await receiver.close();
    sim = await startFastSimulator({ retrySchedule: [10] });
    await connectedBot(sim, deadUrl);
    const sent = sim.userSends({ from: ANA, text: 'lost' });
    await sim.waitFor(() => sim.webhookLog({ updateId: sent.updateId! }).length === 2, 3000);
    expect(sim.webhookLog()[0]).toMatchObject({ status: null, error: 'Connection refused' });
    expect((await botApi(sim, 'getWebhookInfo')).json.result.last_error_message).toBe('Connection refused');
  });

  it('with max_connections > 1 and parallelDelivery, updates arrive concurrently and can be out of order', async () => {
    receiver = await startReceiver({ respond: async () => { await new Promise((r) => setTimeout(r, 5)); return 200; } });
    sim = await startFastSimulator({ parallelDelivery: true, deliveryJitterMs: 40 });
    sim.registerBot({ token: '6101234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1', username: 'acme_support_bot' });
    // Queue first (no webhook yet), then set the webhook so one batch of 20 goes out at once.
    const ids = Array.from({ length: 20 }, (_, i) => sim.userSends({ from: ANA, text: `m${i}` }).updateId!);
    await botApi(sim, 'setWebhook', { url: receiver.url, secret_token: SECRET, max_connections: 20 });
    await receiver.waitForPosts(20);
    expect([...receiver.updateIds()].sort((a, b) => a - b)).toEqual(ids);
    expect(receiver.updateIds()).not.toEqual(ids);
  });

  it('allowed_updates filters what Telegram creates; webhookProxy delivers to another URL', async () => {
    receiver = await startReceiver();
    sim = await startTelegramProxySim(receiver.url);
    await connectedBot(sim, 'https://switchboard.example/api/webhooks/telegram/inbox_1', { allowed_updates: ['message'] });
    const msg = sim.userSends({ from: ANA, text: 'hi' });
    await botApi(sim, 'sendMessage', { chat_id: ANA.id, text: 'Pick', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } });
    expect(sim.pressButton({ chatId: ANA.id, messageId: 2, data: 'a' }).updateId).toBeNull();
    await sim.waitForDelivery(msg.updateId!);
    expect(sim.webhookLog()[0].url).toBe(receiver.url);
    expect(receiver.received.map((r) => Object.keys(r.update)[1])).toEqual(['message']);
  });
});

function startTelegramProxySim(target: string) {
  return startFastSimulator({ allowHttpWebhooks: false, webhookProxy: () => target });
}
