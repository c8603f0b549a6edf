import { describe, expect, it } from 'vitest';
import { testDeps } from '../shared/memory-cache';
import { wechatConnector } from './index';
import { signedWebhook } from './test-support';
import { T2 } from './test-vectors';

const config = wechatConnector.configSchema.parse({ appId: T2.appId, appSecret: 's', token: T2.token, encodingAesKey: T2.encodingAesKey, mode: 'safe' });
const xml = '<xml><FromUserName><![CDATA[o6_bmjrPTlm6_2sgVt7hMZOPfL2M]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[hi]]></Content><MsgId>4611686018427387905</MsgId></xml>';

describe('wechatConnector', () => {
  it('describes itself: key, fields, no receipts for customer-service messages', () => {
    expect(wechatConnector.key).toBe('wechat');
    expect(wechatConnector.displayName).toBe('WeChat Official Account');
    expect(wechatConnector.capabilities).toEqual({ media: true, templates: false, receipts: false, typing: false });
    expect(wechatConnector.secretFields).toEqual(['appSecret']);
    expect(wechatConnector.publicSetupFields).toEqual(['token', 'encodingAesKey']);
  });

  it('acks with text/plain `success` in every mode (encrypted replies are not needed for that)', () => {
    expect(wechatConnector.ack(signedWebhook(config, xml), config)).toEqual({ status: 200, body: 'success', contentType: 'text/plain' });
  });

  it('verifies and parses a safe-mode push end to end', async () => {
    const req = signedWebhook(config, xml);
    expect(await wechatConnector.verify(req, config, testDeps())).toEqual({ ok: true });
    expect(wechatConnector.parse(req, config)).toEqual([expect.objectContaining({ externalId: '4611686018427387905', text: 'hi' })]);
  });

  it('handshake uses the clock it is given (replay window)', () => {
    const get = { ...signedWebhook(config, xml, { timestamp: '1700000000' }), method: 'GET' };
    get.url.searchParams.set('echostr', 'echo-1');
    expect(wechatConnector.handshake(get, config, testDeps({ now: () => new Date(1700000000_000) }))).toMatchObject({ status: 200, body: 'echo-1' });
    expect(wechatConnector.handshake(get, config, testDeps())).toMatchObject({ status: 403 });
  });
});
