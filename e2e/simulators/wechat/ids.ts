/** Identifiers shaped like WeChat's. */
import { randomBytes, randomInt } from 'node:crypto';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const URLSAFE = `${ALNUM}-_`;
const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[randomInt(alphabet.length)]).join('');

/** 19 digits, above 2^62 (= 2^63 / 2): far past Number.MAX_SAFE_INTEGER, like real MsgIds. */
export function newMsgId(): bigint {
  return (1n << 62n) + (randomBytes(8).readBigUInt64BE() >> 2n);
}

/** 28 characters, starting with "o" like real OpenIDs. */
export const newOpenId = () => `o${pick(URLSAFE, 27)}`;
export const newGhId = () => `gh_${randomBytes(6).toString('hex')}`;
export const newAppId = () => `wx${randomBytes(8).toString('hex')}`;
export const newSecret = () => randomBytes(16).toString('hex');
export const newNonce = () => String(randomInt(100_000_000, 2_000_000_000));
/** Real access tokens are ~150 characters; apps must store at least 512. */
export const newAccessToken = () => pick(`${ALNUM}_-`, 157);
export const newMediaId = () => pick(`${ALNUM}_-`, 64);
/** The per-request id WeChat appends to errmsg: " hint: [xxxxxxxx]". */
export const newHint = () => pick(ALNUM, 10);
/** A URL-verification echostr: digits, like the platform's. */
export const newEchostr = () => String(newMsgId());
