/**
 * What the platform accepts as an answer to a push (PROTOCOLS.md 3d/3g): `success`, an empty body,
 * or a passive reply XML addressed to the follower (encrypted with a valid MsgSignature in safe
 * mode). Anything else is an "abnormal reply": the follower sees the service-unavailable notice.
 */
import { sha1Signature, unseal } from './crypto';
import type { Account } from './types';
import { readXml } from './xml';

export type ReplyVerdict = { ok: true; reply?: Record<string, string> } | { ok: false; problem: string };

const REPLY_TYPES = new Set(['text', 'image', 'voice', 'video', 'music', 'news', 'transfer_customer_service']);

function openEncrypted(account: Account, outer: Record<string, string>): Record<string, string> | string {
  if (account.mode === 'plain') return 'an encrypted reply although the account is in plain mode';
  const { Encrypt: encrypt, MsgSignature: signature, TimeStamp: ts, Nonce: nonce } = outer;
  if (!signature || !ts || !nonce) return 'an encrypted reply needs MsgSignature, TimeStamp and Nonce';
  if (signature !== sha1Signature(account.token, ts, nonce, encrypt)) return 'MsgSignature does not match';
  let opened: { message: string; appId: string };
  try {
    opened = unseal(encrypt, account.encodingAesKey ?? '');
  } catch {
    return 'Encrypt does not decrypt with the account’s EncodingAESKey';
  }
  if (opened.appId !== account.appId) return `the reply was encrypted for appid ${opened.appId}`;
  return readXml(opened.message) ?? 'the decrypted reply is not XML';
}

export function checkReply(account: Account, openId: string, status: number, body: string): ReplyVerdict {
  if (status !== 200) return { ok: false, problem: `HTTP ${status}` };
  if (body === '' || body === 'success') return { ok: true };
  const outer = readXml(body);
  if (!outer) return { ok: false, problem: 'the answer is neither "success", an empty body nor reply XML' };
  let reply: Record<string, string>;
  if (outer.Encrypt !== undefined) {
    const opened = openEncrypted(account, outer);
    if (typeof opened === 'string') return { ok: false, problem: opened };
    reply = opened;
  } else if (account.mode === 'safe') {
    return { ok: false, problem: 'safe mode needs an encrypted reply' };
  } else {
    reply = outer;
  }
  if (reply.ToUserName !== openId) return { ok: false, problem: 'ToUserName must be the follower’s OpenID' };
  if (reply.FromUserName !== account.ghId) return { ok: false, problem: `FromUserName must be the account’s id ${account.ghId}` };
  if (!/^\d+$/.test(reply.CreateTime ?? '')) return { ok: false, problem: 'CreateTime must be epoch seconds' };
  if (!REPLY_TYPES.has(reply.MsgType ?? '')) return { ok: false, problem: `unknown reply MsgType ${JSON.stringify(reply.MsgType)}` };
  if (reply.MsgType === 'text' && !reply.Content) return { ok: false, problem: 'a text reply with empty Content (answer "success" instead)' };
  return { ok: true, reply };
}
