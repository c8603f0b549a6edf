import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MalformedPayloadError } from '../types';
import { parseMessengerWebhook } from './parse';

const PAGE = '404217156637689';
const PSID = '1423587017700273';
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', `${name}.json`));
const parse = (name: string) => parseMessengerWebhook(fixture(name), PAGE);
const parseText = (body: string) => parseMessengerWebhook(Buffer.from(body, 'utf8'), PAGE);

describe('parseMessengerWebhook: customer messages', () => {
  it('text', () => {
    expect(parse('text')).toEqual([{
      type: 'message', externalId: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxq',
      dedupeKey: 'm_AG5Hz2Uq7tuwNEhXfYYKj8mJEM_QPpz5jdCK48PnKAjSdjfipqxq', timestamp: new Date(1491796363181),
      contact: { externalId: PSID }, text: 'Sharp tools make good work.', attachments: [],
    }]);
  });

  it('quick reply → postback with the tapped title', () => {
    expect(parse('quick-reply')[0]).toMatchObject({ text: 'Red', postback: { title: 'Red', payload: 'PICK_RED' } });
  });

  it('reply_to → replyToExternalId', () => {
    expect(parse('reply-to')[0]).toMatchObject({ replyToExternalId: 'm_original_Hq72bb', text: 'Yes, that one' });
  });

  it('image, video, audio and file attachments keep their CDN URLs', () => {
    expect(parse('image')[0]).toMatchObject({ attachments: [
      { kind: 'image', url: 'https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg?_nc_cat=1&oh=abc&oe=6600' },
    ] });
    expect(parse('media')[0]).toMatchObject({ text: 'see attached', attachments: [
      { kind: 'video', url: 'https://video.xx.fbcdn.net/v/clip.mp4' },
      { kind: 'audio', url: 'https://cdn.fbsbx.com/v/audioclip.mp4' },
      { kind: 'file', url: 'https://cdn.fbsbx.com/v/invoice.pdf' },
    ] });
  });

  it('sticker (an image with sticker_id) → sticker', () => {
    const [event] = parse('sticker');
    expect(event).toMatchObject({ type: 'message', attachments: [{ kind: 'sticker' }] });
    expect(event.type === 'message' && event.attachments[0].url).toContain('369239266556155');
  });

  it('fallback with a null payload → link with title and URL', () => {
    expect(parse('fallback-link')[0]).toMatchObject({ attachments: [{
      kind: 'link', title: 'Order #42 – Example Shop',
      url: 'https://l.facebook.com/l.php?u=https%3A%2F%2Fexample.com%2Forder%2F42',
    }] });
  });

  it('location attachment → location, not an attachment', () => {
    expect(parse('location')[0]).toMatchObject({
      attachments: [], location: { latitude: 48.8583701, longitude: 2.2944813, name: 'Pinned Location' },
    });
  });

  it('postback with a mid', () => {
    expect(parse('postback-with-mid')).toEqual([{
      type: 'message', externalId: 'm_pb_Aq1x', dedupeKey: 'm_pb_Aq1x', timestamp: new Date(1712000600321),
      contact: { externalId: PSID }, text: 'Talk to agent', attachments: [],
      postback: { title: 'Talk to agent', payload: 'AGENT' },
    }]);
  });

  it('postback without a mid gets a stable key from sender, timestamp and payload', () => {
    const key = `postback:${PSID}:1612000600321:GET_STARTED`;
    expect(parse('postback-without-mid')[0]).toMatchObject({ externalId: key, dedupeKey: key, text: 'Get Started' });
    expect(parse('postback-without-mid')).toEqual(parse('postback-without-mid'));
  });
});

describe('parseMessengerWebhook: echoes, receipts, reactions', () => {
  it('echo of our own send: customer is the recipient, metadata and app id kept', () => {
    expect(parse('echo-own-app')).toEqual([{
      type: 'echo', externalId: 'm_echo_Own1', dedupeKey: 'm_echo_Own1', timestamp: new Date(1712000700321),
      contactExternalId: PSID, text: 'Hi! How can we help?', attachments: [],
      metadata: 'msg_01JABCDEF', appId: '1517776481860111',
    }]);
  });

  it('echo from the Page Inbox app: no metadata, attachments kept', () => {
    const [event] = parse('echo-page-inbox');
    expect(event).toMatchObject({
      type: 'echo', contactExternalId: PSID, appId: '263902037430900',
      attachments: [{ kind: 'image', url: 'https://scontent.xx.fbcdn.net/v/reply.png' }],
    });
    expect(event).not.toHaveProperty('metadata');
  });

  it('delivery with mids (and no timestamp: the watermark stands in)', () => {
    expect(parse('delivery')).toEqual([{
      type: 'status', status: 'delivered', contactExternalId: PSID, messageExternalIds: ['m_out_1', 'm_out_2'],
      watermark: new Date(1458668856253), timestamp: new Date(1458668856253),
      dedupeKey: `delivery:${PSID}:1458668856253`,
    }]);
  });

  it('delivery without mids is a pure watermark', () => {
    const [event] = parse('delivery-no-mids');
    expect(event).toMatchObject({ type: 'status', status: 'delivered', watermark: new Date(1458668857253), timestamp: new Date(1458668857300) });
    expect(event).not.toHaveProperty('messageExternalIds');
  });

  it('read', () => {
    expect(parse('read')).toEqual([{
      type: 'status', status: 'read', contactExternalId: PSID, watermark: new Date(1458668856253),
      timestamp: new Date(1458668856463), dedupeKey: `read:${PSID}:1458668856253`,
    }]);
  });

  it('react and unreact (emoji null)', () => {
    expect(parse('reaction')).toEqual([
      { type: 'reaction', contactExternalId: PSID, messageExternalId: 'm_out_1', emoji: '❤️',
        timestamp: new Date(1712000900321), dedupeKey: 'reaction:m_out_1:react:love:1712000900321' },
      { type: 'reaction', contactExternalId: PSID, messageExternalId: 'm_out_1', emoji: null,
        timestamp: new Date(1712000950321), dedupeKey: 'reaction:m_out_1:unreact:love:1712000950321' },
    ]);
  });

  it('optin, referral, handover and policy enforcement → unsupported with stable, distinct keys', () => {
    const events = parse('unsupported');
    expect(events.map((e) => e.type)).toEqual(['unsupported', 'unsupported', 'unsupported', 'unsupported']);
    expect(events.map((e) => (e.type === 'unsupported' ? e.description : ''))).toEqual([
      'Messenger "optin" event (not handled)', 'Messenger "referral" event (not handled)',
      'Messenger "pass_thread_control" event (not handled)', 'Messenger "policy-enforcement" event (not handled)',
    ]);
    expect(events[0]).toMatchObject({ contactExternalId: PSID });
    expect(events[3]).not.toHaveProperty('contactExternalId');
    expect(new Set(events.map((e) => e.dedupeKey)).size).toBe(4);
    expect(parse('unsupported').map((e) => e.dedupeKey)).toEqual(events.map((e) => e.dedupeKey));
  });
});

describe('parseMessengerWebhook: batches and ids', () => {
  it('standby events are returned like messaging events', () => {
    expect(parse('standby')).toMatchObject([{ type: 'message', externalId: 'm_standby_1', text: 'Is anyone there?' }]);
  });

  it('returns every event of every entry for our Page and ignores other Pages', () => {
    const events = parse('batch');
    expect(events.map((e) => e.dedupeKey)).toEqual(['m_batch_1', 'm_batch_2', `read:${PSID}:1712001100250`, 'm_batch_standby']);
    expect(parseMessengerWebhook(fixture('batch'), '111111111111111').map((e) => e.dedupeKey)).toEqual(['m_other_page']);
  });

  it('keeps big numeric-looking ids as exact strings, including the numeric app_id', () => {
    const [message, echo] = parse('big-ids');
    expect(message).toMatchObject({ contact: { externalId: '9007199254740993' } });
    expect(echo).toMatchObject({ contactExternalId: '12345678901234567890', appId: '98765432109876543210' });
  });
});

describe('parseMessengerWebhook: malformed bodies', () => {
  const event = (extra: object) => JSON.stringify({ object: 'page', entry: [{ id: PAGE, time: 1, messaging: [extra] }] });
  const cases: Record<string, string | Buffer> = {
    'not JSON': 'hub.mode=subscribe',
    'invalid UTF-8': Buffer.from([0x7b, 0xff, 0x7d]),
    'object is not page': '{"object":"instagram","entry":[]}',
    'entry is not an array': '{"object":"page","entry":{"id":"1"}}',
    'entry id is a number': '{"object":"page","entry":[{"id":404217156637689,"messaging":[]}]}',
    'sender is not an object with a string id': event({ sender: { id: 1423587017700273 }, timestamp: 1, message: { mid: 'm', text: 'x' } }),
    'message without a sender': event({ recipient: { id: PAGE }, timestamp: 1, message: { mid: 'm', text: 'x' } }),
    'message without a mid': event({ sender: { id: PSID }, timestamp: 1, message: { text: 'x' } }),
    'timestamp is a string': event({ sender: { id: PSID }, timestamp: '1', message: { mid: 'm' } }),
    'location without coordinates': event({ sender: { id: PSID }, timestamp: 1, message: { mid: 'm', attachments: [{ type: 'location', payload: {} }] } }),
  };
  for (const [name, body] of Object.entries(cases)) {
    it(`${name} → MalformedPayloadError`, () => {
      const raw = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      expect(() => parseMessengerWebhook(raw, PAGE)).toThrow(MalformedPayloadError);
    });
  }

  it('one bad event fails the whole batch (Meta retries it whole)', () => {
    const body = JSON.stringify({ object: 'page', entry: [{ id: PAGE, time: 1, messaging: [
      { sender: { id: PSID }, timestamp: 1, message: { mid: 'good', text: 'ok' } },
      { sender: 'nobody', timestamp: 2, message: { mid: 'bad' } },
    ] }] });
    expect(() => parseText(body)).toThrow(/entry\[0\]\.messaging\[1\]/);
  });

  it('an empty entry list is valid and yields nothing', () => {
    expect(parseText('{"object":"page","entry":[]}')).toEqual([]);
  });
});
