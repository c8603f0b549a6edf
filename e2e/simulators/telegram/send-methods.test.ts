import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramSimulator } from './server';
import { startTelegramSimulator } from './server';
import { ANA, BOT, botApi } from './test-support';

describe('send methods', () => {
  let sim: TelegramSimulator;
  const chat_id = ANA.id;
  beforeEach(async () => {
    sim = await startTelegramSimulator({ perChatBurst: 100, globalPerSecond: 1000 });
    sim.registerBot(BOT);
    sim.userSends({ from: ANA, text: '/start' });
  });
  afterEach(() => sim.close());

  it('sendMessage answers with the Message and records what the app sent', async () => {
    const res = await botApi(sim, 'sendMessage', { chat_id: String(chat_id), text: 'Olá Ana 👋', reply_parameters: { message_id: 1 } });
    expect(res.json).toEqual({ ok: true, result: expect.objectContaining({
      message_id: 2, from: expect.objectContaining({ is_bot: true, username: 'acme_support_bot' }),
      chat: { id: chat_id, first_name: 'Ana', last_name: 'Lima', username: 'analima', type: 'private' },
      text: 'Olá Ana 👋', reply_to_message: expect.objectContaining({ message_id: 1, text: '/start' }),
    }) });
    expect(sim.sent()).toEqual([expect.objectContaining({ method: 'sendMessage', chatId: chat_id, messageId: 2, text: 'Olá Ana 👋', replyToMessageId: 1 })]);
  });

  it('text ≤ 4096 and caption ≤ 1024 UTF-16 units, counted after parse_mode', async () => {
    expect((await botApi(sim, 'sendMessage', { chat_id, text: '😀'.repeat(2049) })).json).toEqual({ ok: false, error_code: 400, description: 'Bad Request: message is too long' });
    expect((await botApi(sim, 'sendMessage', { chat_id, text: '😀'.repeat(2048) })).json.ok).toBe(true);
    expect((await botApi(sim, 'sendMessage', { chat_id, text: `<b>${'a'.repeat(4096)}</b>`, parse_mode: 'HTML' })).json.ok).toBe(true);
    const photo = 'https://cdn.test/p.png';
    expect((await botApi(sim, 'sendPhoto', { chat_id, photo, caption: 'x'.repeat(1025) })).json.description).toBe('Bad Request: message caption is too long');
    expect((await botApi(sim, 'sendPhoto', { chat_id, photo, caption: 'x'.repeat(1024) })).json.ok).toBe(true);
    expect((await botApi(sim, 'sendMessage', { chat_id, text: '  ' })).json.description).toBe('Bad Request: message text is empty');
  });

  it('bad HTML or MarkdownV2 → 400 can\'t parse entities; without parse_mode anything goes', async () => {
    const bad = async (text: string, parse_mode: string) => (await botApi(sim, 'sendMessage', { chat_id, text, parse_mode })).json;
    expect(await bad('<b>bold', 'HTML')).toEqual({ ok: false, error_code: 400, description: 'Bad Request: can\'t parse entities: Can\'t find end tag corresponding to start tag "b"' });
    expect((await bad('1 < 2 <foo>', 'HTML')).description).toMatch(/^Bad Request: can't parse entities: Unsupported start tag/);
    expect((await bad('Total: 5.00!', 'MarkdownV2')).description).toBe("Bad Request: can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'");
    expect((await bad('*bold', 'MarkdownV2')).description).toBe("Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 0");
    expect((await botApi(sim, 'sendMessage', { chat_id, text: '<b>1 < 2</b> *x* 5.00!' })).json).toMatchObject({ ok: true, result: { text: '<b>1 < 2</b> *x* 5.00!' } });
    expect((await botApi(sim, 'sendMessage', { chat_id, text: '<b>Olá</b> &amp; bye', parse_mode: 'HTML' })).json.result.text).toBe('Olá & bye');
  });

  it('media by URL: sendPhoto returns sizes whose files can be fetched; sendDocument names the file', async () => {
    const photo = (await botApi(sim, 'sendPhoto', { chat_id, photo: 'https://cdn.test/label.png', caption: 'label' })).json.result;
    expect(photo.photo).toHaveLength(3);
    const doc = (await botApi(sim, 'sendDocument', { chat_id, document: 'https://cdn.test/fatura%20mar%C3%A7o.pdf' })).json.result;
    expect(doc.document).toMatchObject({ file_name: 'fatura março.pdf' });
    expect((await botApi(sim, 'sendDocument', { chat_id })).json.description).toBe('Bad Request: there is no document in the request');
    expect((await botApi(sim, 'sendDocument', { chat_id, document: 'not-a-file-id' })).json.description).toBe('Bad Request: wrong file identifier/HTTP URL specified');
    expect(sim.sent().map((s) => [s.method, s.media?.field])).toEqual([['sendPhoto', 'photo'], ['sendDocument', 'document']]);
  });

  it('unknown chat → 400; reply to a missing message → 400 unless allowed; bad callback_data → 400', async () => {
    expect((await botApi(sim, 'sendMessage', { chat_id: 999, text: 'x' })).json.description).toBe('Bad Request: chat not found');
    expect((await botApi(sim, 'sendMessage', { text: 'x' })).json.description).toBe('Bad Request: chat_id is empty');
    expect((await botApi(sim, 'sendMessage', { chat_id, text: 'x', reply_parameters: { message_id: 77 } })).json.description).toBe('Bad Request: message to be replied not found');
    expect((await botApi(sim, 'sendMessage', { chat_id, text: 'x', reply_parameters: { message_id: 77, allow_sending_without_reply: true } })).json.ok).toBe(true);
    const markup = { inline_keyboard: [[{ text: 'A', callback_data: 'x'.repeat(65) }]] };
    expect((await botApi(sim, 'sendMessage', { chat_id, text: 'x', reply_markup: markup })).json.description).toBe('Bad Request: BUTTON_DATA_INVALID');
  });

  it('403 for a chat that blocked the bot, and for a group that removed it', async () => {
    sim.setBlocked({ chatId: chat_id });
    expect(await botApi(sim, 'sendMessage', { chat_id, text: 'hello?' })).toEqual({ status: 403, json: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } });
    const group = sim.userSends({ from: ANA, group: { title: 'Family' }, text: 'hi all' });
    expect(group.chatId).toBeLessThan(0);
    sim.setBlocked({ chatId: group.chatId });
    expect((await botApi(sim, 'sendMessage', { chat_id: group.chatId, text: 'x' })).json.description).toBe('Forbidden: bot was kicked from the group chat');
    expect(sim.sent()).toEqual([]);
  });

  it('a group upgraded to a supergroup answers 400 with migrate_to_chat_id; the new id works', async () => {
    const group = sim.userSends({ from: ANA, group: { title: 'Family' }, text: 'hi all' });
    const { newChatId } = sim.migrateGroup({ chatId: group.chatId });
    expect(String(newChatId)).toMatch(/^-100\d{10}$/);
    expect(await botApi(sim, 'sendMessage', { chat_id: group.chatId, text: 'x' })).toEqual({ status: 400, json: {
      ok: false, error_code: 400, description: 'Bad Request: group chat was upgraded to a supergroup chat', parameters: { migrate_to_chat_id: newChatId },
    } });
    expect((await botApi(sim, 'sendMessage', { chat_id: String(newChatId), text: 'x' })).json.result.chat).toEqual({ id: newChatId, title: 'Family', type: 'supergroup' });
  });

  it('fail-next answers exactly the queued error for the next send method, then recovers', async () => {
    sim.failNext({ errorCode: 429, parameters: { retry_after: 7 } });
    sim.failNext({ method: 'getMe', errorCode: 502 });
    expect((await botApi(sim, 'getWebhookInfo')).json.ok).toBe(true);
    expect(await botApi(sim, 'sendMessage', { chat_id, text: 'x' })).toEqual({ status: 429, json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 7', parameters: { retry_after: 7 } } });
    expect((await botApi(sim, 'sendMessage', { chat_id, text: 'x' })).json.ok).toBe(true);
    expect((await botApi(sim, 'getMe')).status).toBe(502);
  });
});

describe('rate limits (429 + parameters.retry_after)', () => {
  let sim: TelegramSimulator;
  afterEach(() => sim.close());

  it('per chat: a short burst, then 429 with retry_after; other chats are not affected', async () => {
    sim = await startTelegramSimulator({ perChatPerSecond: 1, perChatBurst: 2 });
    sim.registerBot(BOT);
    const other = { id: 555000111, firstName: 'Bo' };
    sim.userSends({ from: ANA, text: 'hi' });
    sim.userSends({ from: other, text: 'hi' });
    const send = (chat_id: number) => botApi(sim, 'sendMessage', { chat_id, text: 'x' });
    expect((await send(ANA.id)).status).toBe(200);
    expect((await send(ANA.id)).status).toBe(200);
    const limited = await send(ANA.id);
    expect(limited).toEqual({ status: 429, json: { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } } });
    expect((await send(other.id)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1050));
    expect((await send(ANA.id)).status).toBe(200);
    expect(sim.sent()).toHaveLength(4);
  });

  it('global 30/s across chats (concurrent broadcast)', async () => {
    sim = await startTelegramSimulator({ perChatBurst: 100, globalPerSecond: 30 });
    sim.registerBot(BOT);
    const users = Array.from({ length: 45 }, (_, i) => ({ id: 800000000 + i, firstName: `U${i}` }));
    for (const u of users) sim.userSends({ from: u, text: 'hi' });
    const results = await Promise.all(users.map((u) => botApi(sim, 'sendMessage', { chat_id: u.id, text: 'news' })));
    const limited = results.filter((r) => r.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0].json.parameters).toEqual({ retry_after: 1 });
    expect(sim.sent().length).toBe(45 - limited.length);
  });

  it('groups: about 20 per minute, so retry_after is seconds long', async () => {
    sim = await startTelegramSimulator({ perChatBurst: 1, groupPerMinute: 20 });
    sim.registerBot(BOT);
    const group = sim.userSends({ from: ANA, group: { title: 'G' }, text: 'hi' });
    expect((await botApi(sim, 'sendMessage', { chat_id: group.chatId, text: 'a' })).status).toBe(200);
    const limited = await botApi(sim, 'sendMessage', { chat_id: group.chatId, text: 'b' });
    expect(limited.json.parameters.retry_after).toBe(3);
  });
});
