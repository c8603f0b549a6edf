import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TelegramSimulator } from './server';
import { ANA, BOT, botApi, connectedBot, startFastSimulator, startReceiver } from './test-support';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

describe('what users do', () => {
  let sim: TelegramSimulator;
  let receiver: Receiver;
  const delivered = async (updateId: number | null) => {
    await sim.waitForDelivery(updateId!);
    return receiver.received.find((r) => r.update.update_id === updateId)!.update;
  };
  beforeEach(async () => {
    receiver = await startReceiver();
    sim = await startFastSimulator();
    await connectedBot(sim, receiver.url);
  });
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('text with emoji and astral characters: detected entities count UTF-16 code units', async () => {
    const text = '🎉 Hi 𝒳 /start #promo @acme_help https://acme.example/a';
    const update = await delivered(sim.userSends({ from: ANA, text }).updateId);
    const m = update.message;
    expect(m).toMatchObject({ message_id: 1, text, from: { id: ANA.id, is_bot: false, first_name: 'Ana' }, chat: { id: ANA.id, type: 'private' } });
    expect(m.entities.map((e: any) => [e.type, text.slice(e.offset, e.offset + e.length)])).toEqual([
      ['bot_command', '/start'], ['hashtag', '#promo'], ['mention', '@acme_help'], ['url', 'https://acme.example/a'],
    ]);
    expect(m.entities[0].offset).toBe(9); // 🎉 and 𝒳 are two code units each
  });

  it('explicit entities are passed through, and must lie inside the text', async () => {
    const text = 'Olá 👋 order 42';
    const update = await delivered(sim.userSends({ from: ANA, text, entities: [{ type: 'bold', offset: 6, length: 8 }] }).updateId);
    expect(update.message.entities).toEqual([{ type: 'bold', offset: 6, length: 8 }]);
    expect(() => sim.userSends({ from: ANA, text, entities: [{ type: 'bold', offset: 10, length: 20 }] })).toThrow(/ends after the text/);
  });

  it('photo: ascending sizes; getFile gives a path whose download is the PNG', async () => {
    const update = await delivered(sim.userSends({ from: ANA, photo: true, caption: 'broken 📦' }).updateId);
    const sizes = update.message.photo;
    expect(sizes.map((s: any) => s.width)).toEqual([90, 320, 800]);
    expect(update.message.caption).toBe('broken 📦');
    const file = (await botApi(sim, 'getFile', { file_id: sizes[2].file_id })).json.result;
    expect(file).toMatchObject({ file_id: sizes[2].file_id, file_path: expect.stringMatching(/^photos\/file_\d+\.png$/) });
    const download = await fetch(`${sim.url}/file/bot${BOT.token}/${file.file_path}`);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(`${sim.url}/file/bot6101234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw9/${file.file_path}`)).status).toBe(401);
  });

  it('document (name, mime type), voice and location; files over 20 MB cannot be downloaded by bots', async () => {
    const doc = (await delivered(sim.userSends({ from: ANA, document: { fileName: 'fatura.pdf', mimeType: 'application/pdf', content: '%PDF-1.4' } }).updateId)).message.document;
    expect(doc).toMatchObject({ file_name: 'fatura.pdf', mime_type: 'application/pdf', file_size: 8 });
    const voice = (await delivered(sim.userSends({ from: ANA, voice: { durationSeconds: 4 } }).updateId)).message.voice;
    expect(voice).toMatchObject({ duration: 4, mime_type: 'audio/ogg' });
    const location = (await delivered(sim.userSends({ from: ANA, location: { latitude: 38.72, longitude: -9.14 } }).updateId)).message.location;
    expect(location).toEqual({ latitude: 38.72, longitude: -9.14 });
    const big = (await delivered(sim.userSends({ from: ANA, document: { fileName: 'big.zip', sizeBytes: 25_000_000 } }).updateId)).message.document;
    expect((await botApi(sim, 'getFile', { file_id: big.file_id })).json).toEqual({ ok: false, error_code: 400, description: 'Bad Request: file is too big' });
    expect((await botApi(sim, 'getFile', { file_id: 'nope' })).json.description).toBe('Bad Request: invalid file_id');
  });

  it('edit: edited_message with the same message_id and an edit_date', async () => {
    const first = sim.userSends({ from: ANA, text: 'Hi 👋' });
    await delivered(first.updateId);
    const edit = sim.userEdits({ chatId: ANA.id, messageId: first.messageId, text: 'Hi 👋👋 /start' });
    const update = await delivered(edit.updateId);
    expect(Object.keys(update)).toEqual(['update_id', 'edited_message']);
    expect(update.edited_message).toMatchObject({ message_id: first.messageId, text: 'Hi 👋👋 /start', edit_date: expect.any(Number), entities: [{ type: 'bot_command', offset: 8, length: 6 }] });
    expect(update.update_id).toBeGreaterThan(first.updateId!);
  });

  it('button press → callback_query; answerCallbackQuery is recorded once', async () => {
    await delivered(sim.userSends({ from: ANA, text: 'menu' }).updateId);
    const keyboard = { inline_keyboard: [[{ text: 'Talk to agent 🧑‍💼', callback_data: 'agent' }], [{ text: 'Site', url: 'https://acme.example' }]] };
    const sent = (await botApi(sim, 'sendMessage', { chat_id: ANA.id, text: 'How can we help?', reply_markup: keyboard })).json.result;
    const press = sim.pressButton({ chatId: ANA.id, messageId: sent.message_id, buttonText: 'Talk to agent 🧑‍💼' });
    const update = await delivered(press.updateId);
    expect(update.callback_query).toMatchObject({ id: press.callbackQueryId, from: { id: ANA.id }, data: 'agent', message: { message_id: sent.message_id, reply_markup: keyboard } });
    expect(update.callback_query.chat_instance).toMatch(/^-?\d+$/);
    expect(() => sim.pressButton({ chatId: ANA.id, messageId: sent.message_id, buttonText: 'Site' })).toThrow(/no inline button/);
    expect(sim.callbacks()).toEqual([expect.objectContaining({ id: press.callbackQueryId, data: 'agent' })]);
    expect(sim.callbacks()[0].answer).toBeUndefined();
    expect((await botApi(sim, 'answerCallbackQuery', { callback_query_id: press.callbackQueryId })).json).toEqual({ ok: true, result: true });
    expect(sim.callbacks()[0].answer).toEqual({ at: expect.any(Number) });
    expect((await botApi(sim, 'answerCallbackQuery', { callback_query_id: press.callbackQueryId })).json.description).toBe('Bad Request: query is too old and response timeout expired or query ID is invalid');
  });

  it('block → my_chat_member kicked and 403 on send; writing again unblocks (member)', async () => {
    await delivered(sim.userSends({ from: ANA, text: 'hi' }).updateId);
    const blocked = await delivered(sim.setBlocked({ chatId: ANA.id }).updateId);
    expect(blocked.my_chat_member).toMatchObject({
      chat: { id: ANA.id, type: 'private' }, from: { id: ANA.id },
      old_chat_member: { status: 'member', user: { is_bot: true } }, new_chat_member: { status: 'kicked', until_date: 0 },
    });
    expect(sim.setBlocked({ chatId: ANA.id })).toEqual({ updateId: null });
    expect((await botApi(sim, 'sendMessage', { chat_id: ANA.id, text: 'x' })).status).toBe(403);
    const again = sim.userSends({ from: ANA, text: 'sorry, back' });
    await delivered(again.updateId);
    const kinds = receiver.received.map((r) => Object.keys(r.update)[1]);
    expect(kinds.slice(-2)).toEqual(['my_chat_member', 'message']);
    expect(receiver.received.at(-2)!.update.my_chat_member.new_chat_member.status).toBe('member');
    expect((await botApi(sim, 'sendMessage', { chat_id: ANA.id, text: 'welcome back' })).status).toBe(200);
  });

  it('groups: negative chat id ≠ from.id; migration sends both service messages', async () => {
    const bo = { id: 7123456789, firstName: 'Bo' };
    const first = sim.userSends({ from: ANA, group: { title: 'Acme × Lima' }, text: 'hi' });
    const second = sim.userSends({ from: bo, group: { id: first.chatId, title: 'Acme × Lima' }, text: 'me too' });
    const update = await delivered(second.updateId);
    expect(update.message.chat).toEqual({ id: first.chatId, title: 'Acme × Lima', type: 'group', all_members_are_administrators: true });
    expect(update.message.from.id).toBe(7123456789);
    expect(first.chatId).toBeLessThan(0);
    const migration = sim.migrateGroup({ chatId: first.chatId });
    const [toUpdate, fromUpdate] = [await delivered(migration.updateIds[0]), await delivered(migration.updateIds[1])];
    expect(toUpdate.message).toMatchObject({ chat: { id: first.chatId }, migrate_to_chat_id: migration.newChatId });
    expect(fromUpdate.message).toMatchObject({ chat: { id: migration.newChatId, type: 'supergroup' }, migrate_from_chat_id: first.chatId });
    expect(() => sim.userSends({ from: ANA, group: { id: first.chatId, title: 'x' }, text: 'old' })).toThrow(/upgraded/);
  });
});
