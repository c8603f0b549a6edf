import { describe, expect, it } from 'vitest';
import { wechatConfigSchema } from './config';
import { decryptMessage, wechatSignature } from './crypto';
import { encryptPassiveReply, passiveTextReplyXml } from './reply';
import { T2 } from './test-vectors';
import { parseWeChatXml } from './xml';

const reply = { toUser: 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M', fromUser: 'gh_123456789abc', createTime: 1700000000, text: 'Use <b> & "x" ]]> here 😀' };
const config = wechatConfigSchema.parse({ appId: T2.appId, appSecret: 's', token: T2.token, encodingAesKey: T2.encodingAesKey, mode: 'safe' });

describe('passiveTextReplyXml', () => {
  it('builds the reply with ToUserName = OpenID, FromUserName = gh id, and splits ]]> across CDATA sections', () => {
    const xml = passiveTextReplyXml(reply);
    expect(xml).toBe('<xml><ToUserName><![CDATA[o6_bmjrPTlm6_2sgVt7hMZOPfL2M]]></ToUserName><FromUserName><![CDATA[gh_123456789abc]]></FromUserName>'
      + '<CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[Use <b> & "x" ]]]]><![CDATA[> here 😀]]></Content></xml>');
    expect(parseWeChatXml(xml).Content).toBe(reply.text);
  });
});

describe('encryptPassiveReply', () => {
  it('wraps Encrypt, MsgSignature over (token, timestamp, nonce, Encrypt), TimeStamp and Nonce; decrypts back for our AppID', () => {
    const inner = passiveTextReplyXml(reply);
    const outer = parseWeChatXml(encryptPassiveReply(inner, config, { timestamp: 1700000001, nonce: '777' }));
    expect(Object.keys(outer)).toEqual(['Encrypt', 'MsgSignature', 'TimeStamp', 'Nonce']);
    expect(outer).toMatchObject({ TimeStamp: '1700000001', Nonce: '777' });
    expect(outer.MsgSignature).toBe(wechatSignature(T2.token, '1700000001', '777', outer.Encrypt));
    expect(decryptMessage(outer.Encrypt, T2.encodingAesKey)).toEqual({ xml: inner, appId: T2.appId });
  });

  it('needs an EncodingAESKey', () => {
    const plain = wechatConfigSchema.parse({ appId: T2.appId, appSecret: 's' });
    expect(() => encryptPassiveReply('<xml/>', plain, { timestamp: 1 })).toThrow(/EncodingAESKey/);
  });
});
