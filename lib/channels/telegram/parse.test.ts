import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MalformedPayloadError } from '../types';
import { parseTelegramUpdate } from './parse';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', `${name}.json`));
const parse = (name: string) => parseTelegramUpdate(fixture(name));
const one = (name: string) => parse(name)[0] as any;
const ANA = '427770117';
const fileOf = (name: string) => JSON.parse(fixture(name).toString()).message;

describe('parseTelegramUpdate: messages (one event per Update, keyed by update_id)', () => {
  it('text', () => {
    expect(parse('text')).toEqual([{
      type: 'message', dedupeKey: 'update:141921690', timestamp: new Date(1499402829 * 1000),
      externalId: `${ANA}:666`, contact: { externalId: ANA, name: 'Ana Lima' },
      text: 'Hi 👋 /start', attachments: [], reference: { chatType: 'private' },
    }]);
  });

  it('photo → the largest size, by file_id, with the caption as text', () => {
    const event = one('photo');
    expect(event.text).toBe('Broken 📦 — see 𝐝𝐚𝐦𝐚𝐠𝐞 here');
    expect(event.attachments[0]).toEqual({ kind: 'image', providerMediaId: 'AgACAgQAAxkBAAICLl3' });
    expect(event.attachments[0].url).toBeUndefined(); // Telegram file URLs contain the bot token
  });

  it('document keeps name and mime type; voice, audio, video, sticker, animation', () => {
    expect(one('document').attachments).toEqual([{ kind: 'file', providerMediaId: 'BQACAgQAAxkBAAIDoc', name: 'fatura-março.pdf', mimeType: 'application/pdf' }]);
    expect(one('voice').attachments).toEqual([{ kind: 'audio', providerMediaId: 'AwACAgQAAxkBAAIDvo', mimeType: 'audio/ogg' }]);
    expect(one('audio').attachments).toEqual([{ kind: 'audio', providerMediaId: 'CQACAgQAAxkBAAIDau', title: 'Ana – Recording', name: 'rec.mp3', mimeType: 'audio/mpeg' }]);
    expect(one('video')).toMatchObject({ text: 'it rattles', attachments: [{ kind: 'video', providerMediaId: 'BAACAgQAAxkBAAIDvi', name: 'unboxing.mp4', mimeType: 'video/mp4' }] });
    expect(one('sticker').attachments).toEqual([{ kind: 'sticker', providerMediaId: 'CAACAgIAAxkBAAIDst', mimeType: 'application/x-tgsticker', title: '😂' }]);
    // An animation also carries a `document` for the same file: one attachment, not two.
    expect(one('animation').attachments).toEqual([{ kind: 'video', providerMediaId: 'CgACAgQAAxkBAAIDan', name: 'mp4.mp4', mimeType: 'video/mp4' }]);
  });

  it('location, and venue with name and address', () => {
    expect(one('location')).toMatchObject({ attachments: [], location: { latitude: 38.722252, longitude: -9.139337 } });
    expect(one('location').text).toBeUndefined();
    expect(one('venue').location).toEqual({ latitude: 38.7139, longitude: -9.1334, name: 'Acme Store Baixa', address: 'Rua Augusta 100, Lisboa' });
  });

  it('a shared phone contact becomes readable text', () => {
    expect(one('contact').text).toBe('Shared contact: Ana Lima, +351912345678');
  });

  it('reply_to_message → replyToExternalId in the same chat', () => {
    expect(one('reply')).toMatchObject({ text: 'yes, that one', replyToExternalId: `${ANA}:15` });
  });

  it('service messages are stored as unsupported, not as empty customer messages', () => {
    expect(one('new-chat-members')).toMatchObject({ type: 'unsupported', contactExternalId: '-4012345678', description: 'Telegram message with "new_chat_members" (not handled)' });
    expect(one('migrate-to-chat')).toMatchObject({
      type: 'unsupported', dedupeKey: 'update:141921722', contactExternalId: '-4012345678',
      description: expect.stringContaining('-1001555666777'),
    });
  });
});

describe('parseTelegramUpdate: edits, buttons, bot status', () => {
  it('edited_message → an edit of the same (chat, message_id)', () => {
    expect(parse('edited-message')).toEqual([{
      type: 'edit', dedupeKey: 'update:141921712', timestamp: new Date(1499402890 * 1000),
      externalId: `${ANA}:666`, contactExternalId: ANA, text: 'Hi 👋👋 /start please', attachments: [],
    }]);
  });

  it('callback_query → postback with payload, callbackId and the pressed button text', () => {
    const before = Date.now();
    const [event] = parse('callback-query') as any[];
    expect(event).toEqual({
      type: 'message', dedupeKey: 'update:141921730', timestamp: expect.any(Date),
      externalId: 'cb:4382bfdwdsb323b2d9', contact: { externalId: '7123456789', name: 'Jörg' },
      text: 'Track order 📦', attachments: [],
      postback: { payload: 'track:42', callbackId: '4382bfdwdsb323b2d9', title: 'Track order 📦' },
      replyToExternalId: '7123456789:20', reference: { chatType: 'private' },
    });
    // No date on callback queries: the time we parsed it.
    expect(event.timestamp.getTime()).toBeGreaterThanOrEqual(before);
  });

  it('callback_query on an inline-mode message (no chat) → the presser’s private chat, payload as text', () => {
    expect(one('callback-query-inline')).toMatchObject({
      externalId: 'cb:5910411186227846281', contact: { externalId: ANA, name: 'Ana Lima' },
      text: 'agent', postback: { payload: 'agent', callbackId: '5910411186227846281' },
    });
    expect(one('callback-query-inline').postback.title).toBeUndefined();
  });

  it('my_chat_member kicked → blocked, member → unblocked, bot left a group → blocked', () => {
    expect(parse('my-chat-member-kicked')).toEqual([{
      type: 'contact_state', dedupeKey: 'update:141921740', timestamp: new Date(1499403700 * 1000),
      contactExternalId: ANA, state: 'blocked', contact: { externalId: ANA, name: 'Ana Lima' }, reference: { chatType: 'private' },
    }]);
    expect(one('my-chat-member-member')).toMatchObject({ type: 'contact_state', state: 'unblocked', contactExternalId: ANA });
    expect(one('my-chat-member-group-left')).toMatchObject({ state: 'blocked', contactExternalId: '-4012345678', contact: { name: 'Acme × Lima family' } });
  });

  it('other update types → unsupported with the chat when there is one', () => {
    expect(parse('channel-post')).toEqual([{ type: 'unsupported', dedupeKey: 'update:141921750', timestamp: new Date(1499404000 * 1000), contactExternalId: '-1001122334455', description: 'Telegram "channel_post" update (not handled)' }]);
    expect(one('chat-member')).toMatchObject({ type: 'unsupported', contactExternalId: '-1001987654321', description: 'Telegram "chat_member" update (not handled)' });
    expect(one('message-reaction')).toMatchObject({ type: 'unsupported', contactExternalId: ANA, dedupeKey: 'update:141921752' });
  });
});

describe('parseTelegramUpdate: dedupe keys and malformed input', () => {
  it('dedupe key is update:<update_id>, identical across redeliveries and unique per update', () => {
    expect(parse('text')[0].dedupeKey).toBe(parse('text')[0].dedupeKey);
    const names = ['text', 'text-link', 'photo', 'edited-message', 'callback-query', 'my-chat-member-kicked', 'channel-post'];
    const keys = names.map((n) => parse(n)[0].dedupeKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [i, key] of keys.entries()) expect(key).toBe(`update:${JSON.parse(fixture(names[i]).toString()).update_id}`);
  });

  it('ids come out as the exact digits on the wire, even beyond 2^53', () => {
    const body = '{"update_id":9007199254740993,"message":{"message_id":9007199254740995,"date":1,"chat":{"id":-1009007199254740993,"type":"supergroup","title":"x"},"text":"hi"}}';
    expect(parseTelegramUpdate(Buffer.from(body))[0]).toMatchObject({
      dedupeKey: 'update:9007199254740993', externalId: '-1009007199254740993:9007199254740995', contact: { externalId: '-1009007199254740993' },
    });
  });

  it('rejects non-JSON, non-UTF-8, several update fields, and a message without a chat', () => {
    const bad = (body: string | Buffer) => () => parseTelegramUpdate(Buffer.isBuffer(body) ? body : Buffer.from(body));
    expect(bad(Buffer.from([0x7b, 0xff, 0x7d]))).toThrow(MalformedPayloadError);
    expect(bad('{"update_id":1}')).toThrow(/exactly one update field, this one has 0/);
    expect(bad('{"update_id":1,"message":{},"callback_query":{}}')).toThrow(/has 2: message, callback_query/);
    expect(bad('{"update_id":1,"message":{"message_id":1,"date":1}}')).toThrow(/message\.chat/);
    expect(bad('{"update_id":1,"callback_query":{"from":{"id":1}}}')).toThrow(/callback_query\.id/);
  });
});

it('fixtures are well-formed JSON Updates', () => {
  expect(fileOf('photo').photo.map((p: any) => p.width)).toEqual([90, 320, 1280]);
});
