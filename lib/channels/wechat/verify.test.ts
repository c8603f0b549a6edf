import { describe, expect, it } from 'vitest';
import { MalformedPayloadError, type WebhookRequest } from '../types';
import { wechatConfigSchema } from './config';
import { T2 } from './test-vectors';
import { encryptMessage, wechatSignature } from './crypto';
import { parseWeChatWebhook } from './parse';
import { GH_ID, OPENID, signedWebhook } from './test-support';
import { checkWeChatSignature, wechatHandshake } from './verify';

const request = (method: string, query: string, body = ''): WebhookRequest => ({
  method, url: new URL(`https://switchboard.test/api/webhooks/wechat/inbox_1${query}`), headers: new Headers(), rawBody: Buffer.from(body, 'utf8'),
});
const base = { appId: T2.appId, appSecret: 's', token: T2.token, encodingAesKey: T2.encodingAesKey };
const config = (mode: string) => wechatConfigSchema.parse({ ...base, mode });
const T2_BODY = `<xml><ToUserName><![CDATA[${T2.appId}]]></ToUserName><Encrypt><![CDATA[${T2.encrypt}]]></Encrypt><AgentID><![CDATA[1]]></AgentID></xml>`;
const T2_QUERY = `?msg_signature=${T2.msgSignature}&timestamp=${T2.timestamp}&nonce=${T2.nonce}&encrypt_type=aes`;
const MESSAGE = `<xml><ToUserName><![CDATA[${GH_ID}]]></ToUserName><FromUserName><![CDATA[${OPENID}]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[real]]></Content><MsgId>4611686018427387905</MsgId></xml>`;

describe('wechatHandshake (URL verification)', () => {
  const t3 = wechatConfigSchema.parse({ ...base, token: 'mytoken' });
  const at = (seconds: number) => ({ now: () => new Date(seconds * 1000) });

  it('T3: answers 200 text/plain with echostr verbatim', () => {
    const reply = wechatHandshake(request('GET', '?signature=a70b5d4fa30362248c4a3d9dd3d6828f46539658&timestamp=1700000000&nonce=123456789&echostr=5927782489442352469'), t3, at(1700000000));
    expect(reply).toEqual({ status: 200, body: '5927782489442352469', contentType: 'text/plain' });
  });

  it('403 for a correctly signed handshake more than 5 minutes from now (either way), without echoing', () => {
    const t3Query = '?signature=a70b5d4fa30362248c4a3d9dd3d6828f46539658&timestamp=1700000000&nonce=123456789&echostr=SECRETECHO';
    expect(wechatHandshake(request('GET', t3Query), t3, at(1700000000 + 300))?.status).toBe(200);
    expect(wechatHandshake(request('GET', t3Query), t3, at(1700000000 - 300))?.status).toBe(200);
    const old = wechatHandshake(request('GET', t3Query), t3, at(1700000000 + 301));
    expect(old).toEqual({ status: 403, body: 'Request timestamp is 301 s old (more than 5 minutes): refused as a possible replay', contentType: 'text/plain' });
    const future = wechatHandshake(request('GET', t3Query), t3, at(1700000000 - 301));
    expect(future?.status).toBe(403);
    expect(future?.body).toMatch(/301 s in the future/);
    expect(wechatHandshake(request('GET', t3Query), t3)?.status).toBe(403); // the real clock: 2023 is long gone
  });

  it('401 Invalid signature for a wrong token or missing parts, and never echoes', () => {
    const wrong = wechatHandshake(request('GET', '?signature=a70b5d4fa30362248c4a3d9dd3d6828f46539658&timestamp=1700000001&nonce=123456789&echostr=SECRETECHO'), t3, at(1700000001));
    expect(wrong).toEqual({ status: 401, body: 'Invalid signature', contentType: 'text/plain' });
    expect(wechatHandshake(request('GET', '?echostr=SECRETECHO'), t3)?.status).toBe(401);
  });

  it('is not a handshake without signature/echostr, or for a POST', () => {
    expect(wechatHandshake(request('GET', '?foo=bar'), t3)).toBeNull();
    expect(wechatHandshake(request('POST', '?signature=a70b5d4fa30362248c4a3d9dd3d6828f46539658&timestamp=1700000000&nonce=123456789&echostr=1'), t3)).toBeNull();
  });
});

describe('checkWeChatSignature: plain mode', () => {
  const plain = config('plain');
  it('accepts the signature over (token, timestamp, nonce); 401 missing, 403 wrong', () => {
    expect(checkWeChatSignature(signedWebhook(plain, MESSAGE), plain)).toEqual({ ok: true });
    expect(checkWeChatSignature(request('POST', '', MESSAGE), plain)).toMatchObject({ ok: false, status: 401 });
    const forged = `?signature=${wechatSignature('guess', '1', '2')}&timestamp=1&nonce=2`;
    expect(checkWeChatSignature(request('POST', forged, MESSAGE), plain)).toEqual({ ok: false, status: 403, reason: 'Invalid signature' });
  });
});

describe('checkWeChatSignature + parse: safe mode', () => {
  const safe = config('safe');

  it('T2: msg_signature 74d92df… verifies, and parse decrypts Content test / FromUserName messense / MsgId as a string', () => {
    const req = request('POST', T2_QUERY, T2_BODY);
    expect(checkWeChatSignature(req, safe)).toEqual({ ok: true });
    expect(parseWeChatWebhook(req, safe)).toEqual([{
      type: 'message', externalId: '4363689963896700987', dedupeKey: '4363689963896700987', timestamp: new Date(1411525903_000),
      contact: { externalId: 'messense' }, attachments: [], text: 'test',
    }]);
  });

  it('401 without msg_signature; 403 for a wrong one, a missing <Encrypt> or another token', () => {
    expect(checkWeChatSignature(request('POST', `?timestamp=${T2.timestamp}&nonce=${T2.nonce}`, T2_BODY), safe)).toMatchObject({ ok: false, status: 401 });
    expect(checkWeChatSignature(request('POST', T2_QUERY.replace('74d9', '74d8'), T2_BODY), safe)).toEqual({ ok: false, status: 403, reason: 'Invalid msg_signature' });
    expect(checkWeChatSignature(request('POST', T2_QUERY, MESSAGE), safe)).toMatchObject({ ok: false, status: 403 });
    expect(checkWeChatSignature(request('POST', T2_QUERY, 'garbage'), safe)).toMatchObject({ ok: false, status: 403 });
    const otherToken = wechatConfigSchema.parse({ ...base, token: 'another', mode: 'safe' });
    expect(checkWeChatSignature(request('POST', T2_QUERY, T2_BODY), otherToken)).toMatchObject({ ok: false, status: 403 });
  });

  it('rejects a correctly signed message encrypted for another AppID: verify 401 Invalid appid, parse malformed', () => {
    const encrypt = encryptMessage(MESSAGE, T2.encodingAesKey, 'wx0000000000000000');
    const query = `?msg_signature=${wechatSignature(T2.token, '1', '2', encrypt)}&timestamp=1&nonce=2`;
    const req = request('POST', query, `<xml><ToUserName><![CDATA[${GH_ID}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    expect(checkWeChatSignature(req, safe)).toEqual({ ok: false, status: 401, reason: 'Invalid appid' });
    expect(() => parseWeChatWebhook(req, safe)).toThrow(/Invalid appid/);
  });

  it('403 when the ciphertext does not decrypt with our key (signed with our token)', () => {
    const encrypt = encryptMessage(MESSAGE, 'B'.repeat(43), T2.appId);
    const query = `?msg_signature=${wechatSignature(T2.token, '1', '2', encrypt)}&timestamp=1&nonce=2`;
    const req = request('POST', query, `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    expect(checkWeChatSignature(req, safe)).toMatchObject({ ok: false, status: 403 });
  });

  it('tells the admin when WeChat and the inbox disagree on the mode', () => {
    const plain = config('plain');
    expect(() => parseWeChatWebhook(signedWebhook(safe, MESSAGE), plain)).toThrow(/set to plain mode/);
    expect(() => parseWeChatWebhook(signedWebhook(plain, MESSAGE), safe)).toThrow(/No <Encrypt> element although this inbox is in safe mode/);
  });
});

describe('compatible mode', () => {
  const compatible = config('compatible');

  it('verifies msg_signature and reads only the encrypted copy (the plaintext copy is not signed)', () => {
    const req = signedWebhook(compatible, MESSAGE);
    expect(req.rawBody.toString()).toContain('<Content><![CDATA[real]]></Content>');
    expect(req.rawBody.toString()).toContain('<Encrypt>');
    expect(checkWeChatSignature(req, compatible)).toEqual({ ok: true });
    const tampered = { ...req, rawBody: Buffer.from(req.rawBody.toString().replace('[real]', '[forged]')) };
    expect(checkWeChatSignature(tampered, compatible)).toEqual({ ok: true }); // WeChat signs <Encrypt> only…
    expect(parseWeChatWebhook(tampered, compatible)[0]).toMatchObject({ text: 'real' }); // …so that is what we read
  });

  it('throws MalformedPayloadError when <Encrypt> is missing', () => {
    expect(() => parseWeChatWebhook(request('POST', '', MESSAGE), compatible)).toThrow(MalformedPayloadError);
  });
});
