import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramSimulator } from './server';
import { ANA, BOT, botApi, SECRET, startFastSimulator, startReceiver } from './test-support';
import { startTelegramSimulator } from './server';

describe('Bot API basics', () => {
  let sim: TelegramSimulator;
  beforeEach(async () => {
    sim = await startTelegramSimulator();
    sim.registerBot(BOT);
  });
  afterEach(() => sim.close());

  it('validates the token path: unknown token → 401 Unauthorized, unknown method → 404', async () => {
    expect(await botApi(sim, 'getMe', {}, '6101234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw2')).toEqual({ status: 401, json: { ok: false, error_code: 401, description: 'Unauthorized' } });
    expect(await botApi(sim, 'getMe', {}, '')).toMatchObject({ status: 401 });
    expect(await botApi(sim, 'sendTelepathy')).toEqual({ status: 404, json: { ok: false, error_code: 404, description: 'Not Found' } });
    expect((await fetch(`${sim.url}/nothing-here`)).status).toBe(404);
  });

  it('getMe describes the bot; method names are case-insensitive; GET with a query string works', async () => {
    const me = await botApi(sim, 'getme');
    expect(me).toEqual({ status: 200, json: { ok: true, result: expect.objectContaining({ id: 6101234567, is_bot: true, first_name: 'Acme Support', username: 'acme_support_bot' }) } });
    const res = await fetch(`${sim.url}/bot${BOT.token}/getWebhookInfo?x=1`);
    expect(await res.json()).toEqual({ ok: true, result: { url: '', has_custom_certificate: false, pending_update_count: 0 } });
  });

  it('setWebhook requires HTTPS on 443, 80, 88 or 8443 and a valid secret token', async () => {
    expect((await botApi(sim, 'setWebhook', { url: 'http://localhost:3000/hook' })).json).toEqual({ ok: false, error_code: 400, description: 'Bad Request: bad webhook: An HTTPS URL must be provided for webhook' });
    expect((await botApi(sim, 'setWebhook', { url: 'https://acme.example:3000/hook' })).json.description).toBe('Bad Request: bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443');
    expect((await botApi(sim, 'setWebhook', { url: 'https://acme.example/hook', secret_token: 'not allowed!' })).json.description).toBe('Bad Request: secret token contains unallowed characters');
    expect((await botApi(sim, 'setWebhook', { url: 'https://acme.example/hook', max_connections: 101 })).status).toBe(400);
    for (const url of ['https://acme.example/hook', 'https://acme.example:8443/hook', 'https://acme.example:88/h']) {
      expect((await botApi(sim, 'setWebhook', { url, secret_token: SECRET })).json).toMatchObject({ ok: true, result: true });
    }
    expect((await botApi(sim, 'setWebhook', { url: 'https://acme.example:88/h', secret_token: SECRET })).json.description).toBe('Webhook is already set');
  });

  it('getUpdates → 409 while a webhook is set; after deleteWebhook it returns queued updates and confirms by offset', async () => {
    await botApi(sim, 'setWebhook', { url: 'https://acme.example/hook' });
    expect(await botApi(sim, 'getUpdates')).toEqual({ status: 409, json: { ok: false, error_code: 409, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first" } });
    expect((await botApi(sim, 'deleteWebhook')).json).toEqual({ ok: true, result: true, description: 'Webhook was deleted' });
    const a = sim.userSends({ from: ANA, text: 'one' });
    const b = sim.userSends({ from: ANA, text: 'two' });
    const all = await botApi(sim, 'getUpdates');
    expect(all.json.result.map((u: any) => [u.update_id, u.message.text])).toEqual([[a.updateId, 'one'], [b.updateId, 'two']]);
    expect((await botApi(sim, 'getUpdates', { offset: b.updateId })).json.result.map((u: any) => u.update_id)).toEqual([b.updateId]);
    expect((await botApi(sim, 'getUpdates', { offset: b.updateId! + 1 })).json.result).toEqual([]);
  });

  it('reads form-urlencoded parameters with JSON-encoded objects, like other Bot API clients send', async () => {
    await botApi(sim, 'setWebhook', { url: '' });
    sim.userSends({ from: ANA, text: 'hi' });
    const body = new URLSearchParams({ chat_id: String(ANA.id), text: 'Pick', reply_markup: JSON.stringify({ inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] }) });
    const res = await fetch(`${sim.url}/bot${BOT.token}/sendMessage`, { method: 'POST', body });
    expect(await res.json()).toMatchObject({ ok: true, result: { text: 'Pick', reply_markup: { inline_keyboard: [[{ text: 'A', callback_data: 'a' }]] } } });
    const multipart = new FormData();
    multipart.set('chat_id', String(ANA.id));
    const upload = await fetch(`${sim.url}/bot${BOT.token}/sendPhoto`, { method: 'POST', body: multipart });
    expect(upload.status).toBe(400);
  });
});

describe('allowHttpWebhooks (local use)', () => {
  it('accepts http://localhost on any port when enabled', async () => {
    const sim = await startFastSimulator();
    const receiver = await startReceiver();
    try {
      sim.registerBot(BOT);
      expect((await botApi(sim, 'setWebhook', { url: receiver.url })).json).toEqual({ ok: true, result: true, description: 'Webhook was set' });
      expect((await botApi(sim, 'setWebhook', { url: 'ftp://x/y' })).status).toBe(400);
    } finally {
      await sim.close();
      await receiver.close();
    }
  });
});
