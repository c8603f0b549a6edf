import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramSimulator } from './server';
import { ANA, BOT, botApi, SECRET, startFastSimulator, startReceiver } from './test-support';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('control API over HTTP', () => {
  let sim: TelegramSimulator;
  let receiver: Receiver;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown) => {
    const res = await fetch(`${sim.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, json: (await res.json()) as any };
  };

  beforeEach(async () => {
    receiver = await startReceiver();
    sim = await startFastSimulator();
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('registers a bot (id from the token) and drives a conversation', async () => {
    expect(await call('POST', '/_sim/bots', BOT)).toEqual({ status: 201, json: expect.objectContaining({ id: 6101234567, username: 'acme_support_bot', webhookUrl: null }) });
    await botApi(sim, 'setWebhook', { url: receiver.url, secret_token: SECRET });
    const sent = await call('POST', '/_sim/users/send', { from: ANA, text: 'Olá 👋' });
    expect(sent).toMatchObject({ status: 200, json: { chatId: ANA.id, messageId: 1, updateId: expect.any(Number) } });
    await botApi(sim, 'sendMessage', { chat_id: ANA.id, text: 'Hi Ana', reply_markup: { inline_keyboard: [[{ text: 'OK', callback_data: 'ok' }]] } });
    expect((await call('GET', `/_sim/sent?chatId=${ANA.id}&count=1&waitMs=500`)).json).toEqual([expect.objectContaining({ text: 'Hi Ana', messageId: 2 })]);
    const press = await call('POST', '/_sim/users/press', { chatId: String(ANA.id), messageId: 2, data: 'ok' });
    expect(press.json.callbackQueryId).toMatch(/^\d+$/);
    expect((await call('GET', '/_sim/callbacks')).json).toEqual([expect.objectContaining({ data: 'ok', chatId: ANA.id })]);
    expect((await call('POST', '/_sim/users/edit', { chatId: ANA.id, messageId: 1, text: 'Olá 👋👋' })).status).toBe(200);
    const convo = (await call('GET', `/_sim/conversation?chatId=${ANA.id}`)).json;
    expect(convo.map((m: any) => [m.direction, m.message.text])).toEqual([['in', 'Olá 👋👋'], ['out', 'Hi Ana']]);
    await sim.webhooksIdle();
    const log = (await call('GET', `/_sim/webhooks?updateId=${sent.json.updateId}`)).json;
    expect(log).toEqual([expect.objectContaining({ status: 200, attempt: 1, kind: 'message', secretTokenSent: true })]);
    expect((await call('GET', '/_sim/chats')).json).toEqual([expect.objectContaining({ id: ANA.id, type: 'private', blocked: false, messageCount: 2 })]);
  });

  it('block, migrate, fail-next and reset', async () => {
    await call('POST', '/_sim/bots', BOT);
    await call('POST', '/_sim/users/send', { from: ANA, text: 'hi' });
    expect((await call('POST', '/_sim/users/block', { chatId: ANA.id })).json).toEqual({ updateId: expect.any(Number) });
    expect((await call('GET', '/_sim/chats')).json[0].blocked).toBe(true);
    const group = (await call('POST', '/_sim/users/send', { from: ANA, group: { title: 'G' }, text: 'hi' })).json;
    expect((await call('POST', '/_sim/chats/migrate', { chatId: group.chatId })).json).toMatchObject({ oldChatId: group.chatId, newChatId: expect.any(Number) });
    await call('POST', '/_sim/fail-next', { method: 'getMe', errorCode: 401 });
    expect((await botApi(sim, 'getMe')).status).toBe(401);
    expect((await call('POST', '/_sim/reset', {})).json).toEqual({ ok: true });
    expect((await call('GET', '/_sim/bots')).json).toEqual([]);
  });

  it('answers 400 with readable zod messages for bad input, 404 for unknown things', async () => {
    const bad = [
      ['/_sim/bots', { token: 'nope', username: 'x' }, /token must look like/],
      ['/_sim/bots', { ...BOT, username: 'acme_support' }, /end in "bot"/],
      ['/_sim/users/send', { from: ANA }, /give exactly one of text, photo, document, voice or location/],
      ['/_sim/users/send', { from: ANA, text: 'a', photo: true }, /got text, photo/],
      ['/_sim/users/send', { from: { firstName: 'A' }, caption: 'c', location: { latitude: 1, longitude: 1 } }, /caption goes with/],
      ['/_sim/users/send', { from: ANA, text: 'x', extra: 1 }, /invalid input/],
      ['/_sim/users/press', { chatId: 1, messageId: 1 }, /exactly one of data or buttonText/],
      ['/_sim/fail-next', {}, /errorCode, a delayMs/],
    ] as const;
    await call('POST', '/_sim/bots', BOT);
    for (const [path, body, message] of bad) {
      const res = await call('POST', path, body);
      expect(res.status, path).toBe(400);
      expect(res.json.error, path).toMatch(message);
    }
    expect((await call('POST', '/_sim/users/edit', { chatId: 1, messageId: 1, text: 'x' })).status).toBe(404);
    expect((await call('POST', '/_sim/users/send', { bot: 'other_bot', from: ANA, text: 'x' })).status).toBe(404);
    expect((await call('GET', '/_sim/nope')).status).toBe(404);
    const notJson = await fetch(`${sim.url}/_sim/users/send`, { method: 'POST', body: '{' });
    expect(notJson.status).toBe(400);
  });

  it('serves the chat page at /', async () => {
    const res = await fetch(`${sim.url}/`);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    const html = await res.text();
    expect(html).toContain('Telegram simulator');
    expect(html).not.toContain('innerHTML');
  });
});
