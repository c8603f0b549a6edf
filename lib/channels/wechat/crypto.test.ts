import { createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { aesKeyFrom, decryptMessage, encryptMessage, pkcs7Pad, pkcs7Unpad, wechatSignature } from './crypto';
import { T2 } from './test-vectors';

describe('wechatSignature', () => {
  it('reproduces T3 (plain URL signature)', () => {
    expect(wechatSignature('mytoken', '1700000000', '123456789')).toBe('a70b5d4fa30362248c4a3d9dd3d6828f46539658');
  });

  it('reproduces the T2 msg_signature, in any argument order', () => {
    expect(wechatSignature(T2.token, T2.timestamp, T2.nonce, T2.encrypt)).toBe(T2.msgSignature);
    expect(wechatSignature(T2.encrypt, T2.nonce, T2.token, T2.timestamp)).toBe(T2.msgSignature);
  });

  it('reproduces the node-webot vector', () => {
    expect(wechatSignature('RMNlACHlV5ThzfRlVS4D4', 'timestamp', 'nonce', 'encrypt')).toBe('8edac0945683c119ee71c9f6256d76c48aa08a96');
  });
});

describe('decryptMessage', () => {
  it('decrypts T2: the XML with MsgId 4363689963896700987 and the trailing appid', () => {
    const { xml, appId } = decryptMessage(T2.encrypt, T2.encodingAesKey);
    expect(appId).toBe(T2.appId);
    expect(xml).toContain('<Content><![CDATA[test]]></Content>');
    expect(xml).toContain('<FromUserName><![CDATA[messense]]></FromUserName>');
    expect(xml).toContain('<MsgId>4363689963896700987</MsgId>');
  });

  it('reproduces the T2 encrypted-echostr case', () => {
    const echostr = '4ByGGj+sVCYcvGeQYhaKIk1o0pQRNbRjxybjTGblXrBaXlTXeOo1+bXFXDQQb1o6co6Yh9Bv41n7hOchLF6p+Q==';
    expect(wechatSignature(T2.token, '1411443780', '437374425', echostr)).toBe('dd6b9c95b495b3f7e2901bfbc76c664930ffdb96');
    expect(decryptMessage(echostr, T2.encodingAesKey)).toEqual({ xml: '5927782489442352469', appId: T2.appId });
  });

  it('fails cleanly on a wrong key, a truncated ciphertext or garbage', () => {
    expect(() => decryptMessage(T2.encrypt, 'A'.repeat(43))).toThrow(/wrong EncodingAESKey|UTF-8|length/);
    expect(() => decryptMessage(T2.encrypt.slice(0, 20), T2.encodingAesKey)).toThrow(/AES blocks/);
    expect(() => decryptMessage('', T2.encodingAesKey)).toThrow();
  });
});

describe('encryptMessage', () => {
  it('round-trips UTF-8 with the exact layout random16 ‖ uint32BE length ‖ xml ‖ appid', () => {
    const xml = '<xml><Content><![CDATA[你好 😀 & <]]></Content></xml>';
    const random = Buffer.from('0123456789abcdef');
    const encrypted = encryptMessage(xml, T2.encodingAesKey, T2.appId, random);
    expect(decryptMessage(encrypted, T2.encodingAesKey)).toEqual({ xml, appId: T2.appId });

    const key = aesKeyFrom(T2.encodingAesKey);
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
    const plain = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    expect(plain.subarray(0, 16)).toEqual(random);
    expect(plain.readUInt32BE(16)).toBe(Buffer.byteLength(xml));
    expect(plain.length % 32).toBe(0);
  });

  it('needs the 32-byte block: a full 32-byte pad breaks 16-byte PKCS#7 unpadding', () => {
    // 16 + 4 + 6 + 6 = 32 bytes: aligned, so the pad is 32 bytes of 0x20.
    const encrypted = encryptMessage('<xml/>', T2.encodingAesKey, 'wx1234', Buffer.alloc(16));
    const key = aesKeyFrom(T2.encodingAesKey);
    const standard = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)); // Node's default PKCS#7 (block 16)
    expect(() => Buffer.concat([standard.update(Buffer.from(encrypted, 'base64')), standard.final()])).toThrow();
    expect(decryptMessage(encrypted, T2.encodingAesKey)).toEqual({ xml: '<xml/>', appId: 'wx1234' });
  });
});

describe('PKCS#7 with a 32-byte block', () => {
  it('pads aligned input with a full block and short input up to 32', () => {
    expect(pkcs7Pad(Buffer.alloc(32))).toEqual(Buffer.concat([Buffer.alloc(32), Buffer.alloc(32, 32)]));
    expect(pkcs7Pad(Buffer.alloc(31))).toEqual(Buffer.concat([Buffer.alloc(31), Buffer.from([1])]));
    expect(pkcs7Pad(Buffer.alloc(10)).length).toBe(32);
    expect(pkcs7Pad(Buffer.alloc(10))[31]).toBe(22);
  });

  it('unpads 1..32 and treats any other final byte as no padding (like the official samples)', () => {
    const data = Buffer.from('abc');
    expect(pkcs7Unpad(pkcs7Pad(data))).toEqual(data);
    expect(pkcs7Unpad(pkcs7Pad(Buffer.alloc(32, 7)))).toEqual(Buffer.alloc(32, 7));
    expect(pkcs7Unpad(Buffer.from([1, 2, 33]))).toEqual(Buffer.from([1, 2, 33]));
    expect(pkcs7Unpad(Buffer.from([1, 2, 0]))).toEqual(Buffer.from([1, 2, 0]));
  });
});
