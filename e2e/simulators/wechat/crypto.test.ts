import { describe, expect, it } from 'vitest';
import { decryptMessage, encryptMessage } from '../../../lib/channels/wechat/crypto';
import { T2 } from '../../../lib/channels/wechat/test-vectors';
import { seal, sha1Signature, unseal } from './crypto';

describe('simulator crypto (its own implementation)', () => {
  it('reproduces T2 and T3', () => {
    expect(sha1Signature(T2.token, T2.timestamp, T2.nonce, T2.encrypt)).toBe(T2.msgSignature);
    expect(sha1Signature('mytoken', '1700000000', '123456789')).toBe('a70b5d4fa30362248c4a3d9dd3d6828f46539658');
    const { message, appId } = unseal(T2.encrypt, T2.encodingAesKey);
    expect(appId).toBe(T2.appId);
    expect(message).toContain('<MsgId>4363689963896700987</MsgId>');
  });

  it('agrees with the connector in both directions, for every padding length', () => {
    for (let n = 0; n < 40; n++) {
      const xml = `<xml><Content><![CDATA[${'é'.repeat(n)}😀]]></Content></xml>`;
      expect(decryptMessage(seal(xml, T2.encodingAesKey, T2.appId), T2.encodingAesKey)).toEqual({ xml, appId: T2.appId });
      expect(unseal(encryptMessage(xml, T2.encodingAesKey, T2.appId), T2.encodingAesKey)).toEqual({ message: xml, appId: T2.appId });
    }
  });

  it('seals with a random prefix: the same message encrypts differently each time', () => {
    expect(seal('<xml/>', T2.encodingAesKey, T2.appId)).not.toBe(seal('<xml/>', T2.encodingAesKey, T2.appId));
  });
});
