import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MalformedPayloadError } from '../types';
import { wechatConfigSchema } from './config';
import { parseWeChatWebhook } from './parse';
import { OPENID, signedWebhook } from './test-support';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', `${name}.xml`), 'utf8');
const plain = wechatConfigSchema.parse({ appId: 'wx49f0ab532d5d035a', appSecret: 's', token: 'tok123' });
const parse = (name: string) => parseWeChatWebhook(signedWebhook(plain, fixture(name)), plain);
const at = (seconds: number) => new Date(seconds * 1000);
const contact = { externalId: OPENID };

describe('parseWeChatWebhook: customer messages (fixtures for each type in PROTOCOLS.md 3c)', () => {
  it('text: CDATA verbatim (split ]]>, markup, emoji), MsgId as the exact 19-digit string', () => {
    expect(parse('text')).toEqual([{
      type: 'message', externalId: '4363689963896700987', dedupeKey: '4363689963896700987', timestamp: at(1348831860),
      contact, attachments: [], text: '你好 😀 <b>&amp; "quotes" a]]>b',
    }]);
    // As a double it would have become 4363689963896701000.
    expect(Number('4363689963896700987').toString()).not.toBe('4363689963896700987');
  });

  it('text: legacy emoticon codes are kept as typed, ids up to 2^63-1 stay exact', () => {
    expect(parse('text-emoticon')[0]).toMatchObject({ text: '/::)/::P[Smile]', externalId: '9223372036854775807' });
  });

  it('image: PicUrl to open, MediaId to fetch later', () => {
    expect(parse('image')[0]).toMatchObject({ externalId: '6054768590064713728', attachments: [{
      kind: 'image', url: 'http://mmbiz.qpic.cn/mmbiz_jpg/xSmOpKIBdqCnGfXfa6ZHgUKqp0PicdjKA/0',
      providerMediaId: 'KvOhG6JvW1cQ2rNtKb5jzqEd3_ULlmKfVX_k0jlIfD7Lr9mcS7gLrnwRKrXpLHuV',
    }] });
  });

  it('voice: media id and format; Recognition becomes the text when present', () => {
    expect(parse('voice')[0]).toMatchObject({ text: '腾讯微信团队', attachments: [{
      kind: 'audio', providerMediaId: 'Qyb0tgux6QLjhL6ipvFZJ-kUt2tcQtkn0BU365Vt3wUAtqfGam4QpZU35RXVhv6G', name: 'voice.amr', mimeType: 'audio/amr',
    }] });
    const [noText] = parse('voice-no-recognition');
    expect(noText).not.toHaveProperty('text');
    expect(noText).toMatchObject({ attachments: [{ kind: 'audio', mimeType: 'audio/speex' }] });
  });

  it('video and shortvideo', () => {
    expect(parse('video')[0]).toMatchObject({ externalId: '5858985380922884096', attachments: [{ kind: 'video', providerMediaId: '7CwV3hpVdJ0aUA3dJ5RzYRN5y2JSzNd1Nd9J6TOgKqvJ2P1m7q4hFpTz0B9OjcSe' }] });
    expect(parse('shortvideo')[0]).toMatchObject({ externalId: '5858985380922884097', attachments: [{ kind: 'video' }] });
  });

  it('location: Location_X is the latitude, Location_Y the longitude, Label the address', () => {
    expect(parse('location')[0]).toMatchObject({ attachments: [], location: { latitude: 23.134521, longitude: 113.358803, address: '广州市海珠区新港中路397号' } });
  });

  it('link: a link attachment with title and URL, Description as text', () => {
    expect(parse('link')[0]).toMatchObject({
      text: '公众平台官网链接 & more',
      attachments: [{ kind: 'link', title: '公众平台官网链接', url: 'https://mp.weixin.qq.com/s?__biz=MzA&mid=1&idx=1' }],
    });
  });
});

describe('parseWeChatWebhook: events (no MsgId: key FromUserName + CreateTime + Event)', () => {
  it('subscribe / unsubscribe → contact_state; a QR-code subscribe keeps its scene', () => {
    expect(parse('event-subscribe')).toEqual([{
      type: 'contact_state', dedupeKey: `event:${OPENID}:1348831863:subscribe`, timestamp: at(1348831863),
      contactExternalId: OPENID, state: 'subscribed', contact,
    }]);
    expect(parse('event-subscribe-qrscene')[0]).toMatchObject({ state: 'subscribed', reference: { qrScene: '123123' } });
    expect(parse('event-unsubscribe')).toEqual([{
      type: 'contact_state', dedupeKey: `event:${OPENID}:1348831865:unsubscribe`, timestamp: at(1348831865), contactExternalId: OPENID, state: 'unsubscribed',
    }]);
  });

  it('CLICK and SCAN → messages with a postback (both open the 48 h window)', () => {
    expect(parse('event-click')).toEqual([{
      type: 'message', externalId: `event:${OPENID}:1348831868:CLICK`, dedupeKey: `event:${OPENID}:1348831868:CLICK`,
      timestamp: at(1348831868), contact, attachments: [], postback: { payload: 'TALK_TO_AGENT' },
    }]);
    expect(parse('event-scan')[0]).toMatchObject({ type: 'message', dedupeKey: `event:${OPENID}:1348831866:SCAN`, postback: { title: 'Scanned QR code', payload: 'SCENE_VALUE' } });
  });

  it('LOCATION reports and VIEW are stored as unsupported (not messages, no window)', () => {
    expect(parse('event-location')).toEqual([{
      type: 'unsupported', dedupeKey: `event:${OPENID}:1348831867:LOCATION`, timestamp: at(1348831867), contactExternalId: OPENID,
      description: 'WeChat location report at 23.137466,113.352425 (automatic, not a message)',
    }]);
    expect(parse('event-view')[0]).toMatchObject({ type: 'unsupported', description: 'WeChat "VIEW" event (not handled)' });
  });

  it('TEMPLATESENDJOBFINISH reads MsgID (capital D) and maps success / failures', () => {
    expect(parse('event-template-success')).toEqual([{
      type: 'status', status: 'delivered', messageExternalIds: ['200163836'], contactExternalId: OPENID,
      dedupeKey: `event:${OPENID}:1395658920:TEMPLATESENDJOBFINISH`, timestamp: at(1395658920),
    }]);
    expect(parse('event-template-user-block')[0]).toMatchObject({
      status: 'failed', messageExternalIds: ['200163840'],
      error: { code: 'failed:user block', reason: 'The customer blocked template messages from this Official Account' },
    });
    expect(parse('event-template-system-failed')[0]).toMatchObject({ status: 'failed', error: { code: 'failed: system failed' } });
  });

  it('a redelivery (new nonce and timestamp in the query) yields the same dedupe key', () => {
    const again = parseWeChatWebhook(signedWebhook(plain, fixture('event-subscribe'), { nonce: '42', timestamp: '1700000099' }), plain);
    expect(again[0].dedupeKey).toBe(parse('event-subscribe')[0].dedupeKey);
  });
});

describe('parseWeChatWebhook: malformed input', () => {
  it('rejects XXE and billion-laughs bodies without expanding anything', () => {
    for (const name of ['xxe', 'billion-laughs']) expect(() => parse(name), name).toThrow(MalformedPayloadError);
  });

  it('rejects missing or non-numeric fields', () => {
    const body = (inner: string) => `<xml><FromUserName><![CDATA[${OPENID}]]></FromUserName>${inner}</xml>`;
    const bad = [
      body('<CreateTime>1</CreateTime><Content>x</Content>'),
      body('<CreateTime>soon</CreateTime><MsgType>text</MsgType><MsgId>1</MsgId>'),
      body('<CreateTime>1</CreateTime><MsgType>text</MsgType><MsgId>4.3e18</MsgId>'),
      body('<CreateTime>1</CreateTime><MsgType>location</MsgType><MsgId>1</MsgId><Location_X>north</Location_X><Location_Y>1</Location_Y>'),
      '<xml><CreateTime>1</CreateTime><MsgType>text</MsgType><MsgId>1</MsgId></xml>',
    ];
    for (const xml of bad) expect(() => parseWeChatWebhook(signedWebhook(plain, xml), plain), xml).toThrow(MalformedPayloadError);
  });

  it('maps unknown message types to unsupported, keyed by MsgId', () => {
    const xml = `<xml><FromUserName><![CDATA[${OPENID}]]></FromUserName><CreateTime>1</CreateTime><MsgType><![CDATA[file]]></MsgType><MsgId>77</MsgId></xml>`;
    expect(parseWeChatWebhook(signedWebhook(plain, xml), plain)).toEqual([{
      type: 'unsupported', dedupeKey: '77', timestamp: at(1), contactExternalId: OPENID, description: 'WeChat "file" message (not handled)',
    }]);
  });
});
