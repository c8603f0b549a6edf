import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MalformedPayloadError } from '../types';
import { parseCloudWebhook } from './parse';

const PNID = '106540352242922';
const WABA = '102290129340398';
const WA = '16505551234';
const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', `${name}.json`));
const parse = (name: string) => parseCloudWebhook(fixture(name), { phoneNumberId: PNID, wabaId: WABA });
const parseText = (body: string) => parseCloudWebhook(Buffer.from(body, 'utf8'), { phoneNumberId: PNID });
const at = (seconds: number) => new Date(seconds * 1000);

describe('parseCloudWebhook: customer messages', () => {
  it('text, with the name from contacts[], epoch-second string timestamp and escaped Unicode decoded', () => {
    expect(parse('text')).toEqual([{
      type: 'message', externalId: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=',
      dedupeKey: 'wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=', timestamp: at(1749416383),
      contact: { externalId: WA, name: 'Sheena Nelson' }, text: 'Does it come in another color? café 😀', attachments: [],
    }]);
  });

  it('image: media id (no URL), mime type, caption as text', () => {
    expect(parse('image')[0]).toMatchObject({
      text: 'This one', attachments: [{ kind: 'image', providerMediaId: '2754859441498128', mimeType: 'image/jpeg' }],
    });
  });

  it('video, voice note, sticker and document (file named after filename)', () => {
    expect(parse('video')[0]).toMatchObject({ attachments: [{ kind: 'video', providerMediaId: '1166846181421424', mimeType: 'video/mp4' }] });
    expect(parse('audio')[0]).toMatchObject({ attachments: [{ kind: 'audio', providerMediaId: '1003383421387256', mimeType: 'audio/ogg; codecs=opus' }] });
    expect(parse('sticker')[0]).toMatchObject({ attachments: [{ kind: 'sticker', providerMediaId: '1229358524718462', mimeType: 'image/webp' }] });
    expect(parse('document')).toEqual([expect.objectContaining({
      text: 'Invoice attached',
      attachments: [{ kind: 'file', providerMediaId: '1090443558925287', mimeType: 'application/pdf', name: 'invoice-2026-03.pdf' }],
    })]);
    expect(parse('video')[0]).not.toHaveProperty('text');
    expect((parse('image')[0] as { attachments: object[] }).attachments[0]).not.toHaveProperty('url');
  });

  it('location', () => {
    expect(parse('location')[0]).toMatchObject({
      attachments: [], location: { latitude: 37.483307, longitude: -122.148981, name: 'Main Office', address: '1 Hacker Way, Menlo Park, CA 94025' },
    });
  });

  it('interactive button_reply and list_reply → postback with the tapped title as text', () => {
    expect(parse('button-reply')[0]).toMatchObject({
      text: 'Talk to agent', postback: { title: 'Talk to agent', payload: 'agent' }, replyToExternalId: 'wamid.OUT_INTERACTIVE_1',
    });
    expect(parse('list-reply')[0]).toMatchObject({ text: 'Pro plan', postback: { title: 'Pro plan', payload: 'plan_pro' } });
  });

  it('template quick-reply button → postback, context names the template message', () => {
    expect(parse('template-button')[0]).toMatchObject({
      type: 'message', text: 'Stop promotions', postback: { title: 'Stop promotions', payload: 'STOP_PROMOS' },
      replyToExternalId: 'wamid.OUT_TEMPLATE_1',
    });
  });

  it('context.id → replyToExternalId', () => {
    expect(parse('reply-to')[0]).toMatchObject({ text: 'Yes, that one', replyToExternalId: 'wamid.OUT_ORIGINAL_1' });
  });

  it('reaction, and an emoji-less reaction = removed (emoji null)', () => {
    expect(parse('reaction')).toEqual([
      { type: 'reaction', dedupeKey: 'wamid.REA1', timestamp: at(1749416383), contactExternalId: WA, messageExternalId: 'wamid.OUT_1', emoji: '👍' },
      { type: 'reaction', dedupeKey: 'wamid.REA2', timestamp: at(1749416400), contactExternalId: WA, messageExternalId: 'wamid.OUT_1', emoji: null },
    ]);
  });

  it('unsupported, contacts, order and system → unsupported events keyed by wamid, described for the agent', () => {
    const events = parse('unsupported');
    expect(events.map((e) => [e.type, e.dedupeKey])).toEqual([
      ['unsupported', 'wamid.UNS1'], ['unsupported', 'wamid.CON1'], ['unsupported', 'wamid.ORD1'], ['unsupported', 'wamid.SYS1'],
    ]);
    const descriptions = events.map((e) => (e.type === 'unsupported' ? e.description : ''));
    expect(descriptions[0]).toBe('WhatsApp message the API cannot show: This message type is not supported by WhatsApp');
    expect(descriptions[1]).toBe('WhatsApp a shared contact card (not handled)');
    expect(descriptions[2]).toBe('WhatsApp an order from the catalog (not handled)');
    expect(descriptions[3]).toBe('WhatsApp system message: User A changed from 16505551234 to 16505559999');
    expect(events[0]).toMatchObject({ contactExternalId: WA });
  });
});

describe('parseCloudWebhook: statuses', () => {
  const WAMID = 'wamid.HBgLNjAxNzM1MjYyMzMVAgARGBJCNkY5NTBENEU3ODYxQTM3RUQA';

  it('sent, delivered and read: one key per (wamid, status), times from epoch-second strings', () => {
    expect([...parse('status-sent'), ...parse('status-delivered'), ...parse('status-read')]).toEqual([
      { type: 'status', status: 'sent', dedupeKey: `status:${WAMID}:sent`, timestamp: at(1694492480), contactExternalId: '60173526233', messageExternalIds: [WAMID] },
      { type: 'status', status: 'delivered', dedupeKey: `status:${WAMID}:delivered`, timestamp: at(1694492484), contactExternalId: '60173526233', messageExternalIds: [WAMID] },
      { type: 'status', status: 'read', dedupeKey: `status:${WAMID}:read`, timestamp: at(1694492490), contactExternalId: '60173526233', messageExternalIds: [WAMID] },
    ]);
  });

  it('200-then-failed 131047 arrives as a failed status with a human reason', () => {
    expect(parse('status-failed-131047')).toEqual([{
      type: 'status', status: 'failed', dedupeKey: 'status:wamid.OUT_LATE_1:failed', timestamp: at(1749420000),
      contactExternalId: WA, messageExternalIds: ['wamid.OUT_LATE_1'],
      error: { code: '131047', reason: 'More than 24 hours have passed since the customer last wrote: only a template can be sent now' },
    }]);
  });

  it('failed 131026 (not on WhatsApp) and an unknown code (Meta details kept)', () => {
    expect(parse('status-failed-131026')[0]).toMatchObject({
      status: 'failed', contactExternalId: '447700900123',
      error: { code: '131026', reason: 'Message undeliverable: the number is not on WhatsApp or cannot receive it' },
    });
    expect(parse('status-failed-unknown')[0]).toMatchObject({
      error: { code: '135000', reason: 'WhatsApp: Something about the recipient. (code 135000)' },
    });
  });

  it('out-of-order and after-failed statuses: each keeps its own status, time and key (the app applies them monotonically)', () => {
    const events = parse('status-regression');
    expect(events.map((e) => (e.type === 'status' ? [e.status, e.timestamp.getTime() / 1000, e.dedupeKey] : []))).toEqual([
      ['read', 1749416500, 'status:wamid.REG_1:read'],
      ['delivered', 1749416450, 'status:wamid.REG_1:delivered'],
      ['sent', 1749416400, 'status:wamid.REG_1:sent'],
      ['failed', 1749416600, 'status:wamid.REG_1:failed'],
      // Reported after `failed` [R]: same key as the earlier delivered, so the store collapses it.
      ['delivered', 1749416650, 'status:wamid.REG_1:delivered'],
    ]);
    expect(events[3]).toMatchObject({ error: { code: '131026' } });
    expect(events[1]).not.toHaveProperty('error');
  });

  it('redelivered statuses give the same keys', () => {
    expect(parse('status-read').map((e) => e.dedupeKey)).toEqual(parse('status-read').map((e) => e.dedupeKey));
  });
});

describe('parseCloudWebhook: batches, routing and identities', () => {
  it('every entry, every change, every message and status; values of another number are skipped', () => {
    expect(parse('batch').map((e) => [e.type, e.dedupeKey])).toEqual([
      ['message', 'wamid.B1'], ['message', 'wamid.B2'],
      ['status', 'status:wamid.OUT_B1:delivered'], ['status', 'status:wamid.OUT_B1:read'],
      ['status', 'status:wamid.OUT_B2:sent'],
      ['message', 'wamid.B3'],
    ]);
    const b2 = parse('batch')[1];
    expect(b2).toMatchObject({ contact: { externalId: '5511987654321', name: 'Ana Lima' }, text: 'segundo' });
    expect(parseCloudWebhook(fixture('batch'), { phoneNumberId: '109999999999999' }).map((e) => e.dedupeKey)).toEqual(['wamid.OTHER1']);
  });

  it('without a number filter (360dialog), every value is returned', () => {
    expect(parseCloudWebhook(fixture('batch')).length).toBe(7);
  });

  it('a BSUID-only user (no wa_id) is identified by user_id, in messages and statuses', () => {
    const [message, status] = parse('bsuid-only');
    expect(message).toMatchObject({
      type: 'message', contact: { externalId: 'US.13491208655302741918', name: 'Jane' },
      reference: { whatsappUserId: 'US.13491208655302741918', whatsappUsername: '@jane' },
    });
    expect(status).toMatchObject({ type: 'status', status: 'delivered', contactExternalId: 'US.13491208655302741918' });
  });

  it('with both, the phone number stays the identity and the BSUID rides along', () => {
    expect(parse('bsuid-with-phone')[0]).toMatchObject({
      contact: { externalId: WA, name: 'Sheena Nelson' }, reference: { whatsappUserId: 'US.13491208655302741918' },
    });
    expect(parse('text')[0]).not.toHaveProperty('reference');
  });

  it('phone numbers stay exact strings, even beyond 2^53', () => {
    expect(parse('long-number')[0]).toMatchObject({ contact: { externalId: '990012345678901234567', name: 'Far Away' } });
  });

  it('other webhook fields of our WABA are stored as unsupported with stable keys; other WABAs are ignored', () => {
    const [event] = parse('template-status-update');
    expect(event).toMatchObject({ type: 'unsupported', timestamp: at(1749416600), description: 'WhatsApp "message_template_status_update" webhook (not handled)' });
    expect(event.dedupeKey).toMatch(/^message_template_status_update:[0-9a-f]{32}$/);
    expect(parse('template-status-update')[0].dedupeKey).toBe(event.dedupeKey);
    expect(parseCloudWebhook(fixture('template-status-update'), { phoneNumberId: PNID, wabaId: '1' })).toEqual([]);
  });

  it('value-level errors become an unsupported event naming the problem', () => {
    expect(parse('value-errors')[0]).toMatchObject({
      type: 'unsupported', description: `WhatsApp reported a problem with number ${PNID}: Something went wrong at WhatsApp; it will be retried`,
    });
  });
});

describe('parseCloudWebhook: malformed bodies', () => {
  const value = (extra: object) => JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: WABA, changes: [{ field: 'messages', value: { messaging_product: 'whatsapp', metadata: { phone_number_id: PNID }, ...extra } }] }] });
  const cases: Record<string, string | Buffer> = {
    'not JSON': 'hub.mode=subscribe',
    'invalid UTF-8': Buffer.from([0x7b, 0xff, 0x7d]),
    'object is a Page': '{"object":"page","entry":[]}',
    'entry is not an array': '{"object":"whatsapp_business_account","entry":{}}',
    'changes missing': '{"object":"whatsapp_business_account","entry":[{"id":"1"}]}',
    'On-Premise flat webhook': '{"contacts":[],"messages":[{"id":"ABGGFlA5Fpa","from":"1","timestamp":"1","type":"text","text":{"body":"x"}}]}',
    'message without id': value({ messages: [{ from: WA, timestamp: '1', type: 'text', text: { body: 'x' } }] }),
    'timestamp not digits': value({ messages: [{ id: 'w', from: WA, timestamp: 'yesterday', type: 'text', text: { body: 'x' } }] }),
    'text message without text': value({ messages: [{ id: 'w', from: WA, timestamp: '1', type: 'text' }] }),
    'message without any sender': value({ messages: [{ id: 'w', timestamp: '1', type: 'text', text: { body: 'x' } }] }),
    'status without recipient': value({ statuses: [{ id: 'w', status: 'sent', timestamp: '1' }] }),
    'our value without metadata': JSON.stringify({ object: 'whatsapp_business_account', entry: [{ id: WABA, changes: [{ field: 'messages', value: { messages: [] } }] }] }),
  };
  for (const [name, body] of Object.entries(cases)) {
    it(`${name} → MalformedPayloadError`, () => {
      const raw = Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
      expect(() => parseCloudWebhook(raw, name === 'our value without metadata' ? {} : { phoneNumberId: PNID })).toThrow(MalformedPayloadError);
    });
  }

  it('names where the bad item is', () => {
    expect(() => parseText(value({ messages: [{ id: 'ok', from: WA, timestamp: '1', type: 'text', text: { body: 'x' } }, { id: 'bad', from: WA, type: 'text' }] })))
      .toThrow(/entry\[0\]\.changes\[0\]\.value\.messages\[1\]/);
  });

  it('an unknown status value is kept as unsupported, not rejected', () => {
    expect(parseText(value({ statuses: [{ id: 'w', status: 'deleted', timestamp: '1', recipient_id: WA }] }))[0]).toMatchObject({ type: 'unsupported', dedupeKey: 'status:w:deleted' });
  });

  it('an empty entry list is valid and yields nothing', () => {
    expect(parseText('{"object":"whatsapp_business_account","entry":[]}')).toEqual([]);
  });
});
