/**
 * Passive replies: an XML answer in the webhook response (PROTOCOLS.md 3b/3d). Switchboard's ack()
 * answers `success` and replies through the customer-service API instead, because agents answer
 * minutes later, not within WeChat's 5 s. These builders exist for bots/tests and prove the
 * crypto in both directions (the simulator checks what they produce).
 */
import { randomBytes } from 'node:crypto';
import type { WeChatConfig } from './config';
import { encryptMessage, wechatSignature } from './crypto';
import { buildWeChatXml } from './xml';

export interface PassiveTextReply {
  /** The customer's OpenID (FromUserName of the message being answered). */
  toUser: string;
  /** Our gh_ id (ToUserName of the message being answered). */
  fromUser: string;
  text: string;
  /** Epoch seconds. */
  createTime: number;
}

/** The plaintext reply XML; `]]>` in the text is split across CDATA sections. */
export function passiveTextReplyXml(reply: PassiveTextReply): string {
  return buildWeChatXml([
    ['ToUserName', reply.toUser],
    ['FromUserName', reply.fromUser],
    ['CreateTime', reply.createTime],
    ['MsgType', 'text'],
    ['Content', reply.text],
  ]);
}

/** Wraps a reply for compatible/safe mode: Encrypt, MsgSignature over (token, ts, nonce, Encrypt), TimeStamp, Nonce. */
export function encryptPassiveReply(
  xml: string,
  config: Pick<WeChatConfig, 'appId' | 'token' | 'encodingAesKey'>,
  opts: { timestamp: number; nonce?: string; random?: Buffer },
): string {
  if (!config.encodingAesKey) throw new Error('An EncodingAESKey is needed to encrypt a reply');
  const nonce = opts.nonce ?? String(randomBytes(4).readUInt32BE(0));
  const encrypt = encryptMessage(xml, config.encodingAesKey, config.appId, opts.random);
  return buildWeChatXml([
    ['Encrypt', encrypt],
    ['MsgSignature', wechatSignature(config.token, String(opts.timestamp), nonce, encrypt)],
    ['TimeStamp', opts.timestamp],
    ['Nonce', nonce],
  ]);
}
