/**
 * How the platform signs and wraps a push (PROTOCOLS.md 3a/3b): the query always carries
 * signature/timestamp/nonce/openid; the encrypted modes add encrypt_type=aes and msg_signature
 * over <Encrypt>, and the body carries the sealed message (compatible: next to the plaintext).
 */
import { sha1Signature, seal } from './crypto';
import { newNonce } from './ids';
import type { Account } from './types';
import { toXml } from './xml';

export interface SignedPush {
  params: Record<string, string>;
  body: string;
}

export function signPush(account: Account, xml: string, openId: string, timestamp: number): SignedPush {
  const ts = String(timestamp);
  const nonce = newNonce();
  const params: Record<string, string> = { signature: sha1Signature(account.token, ts, nonce), timestamp: ts, nonce, openid: openId };
  if (account.mode === 'plain') return { params, body: xml };
  if (!account.encodingAesKey) throw new Error(`account ${account.appId} is in ${account.mode} mode but has no encodingAesKey`);
  const encrypt = seal(xml, account.encodingAesKey, account.appId);
  params.encrypt_type = 'aes';
  params.msg_signature = sha1Signature(account.token, ts, nonce, encrypt);
  const body = account.mode === 'safe'
    ? toXml([['ToUserName', account.ghId], ['Encrypt', encrypt]])
    : xml.replace(/<\/xml>$/, `<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
  return { params, body };
}
