/**
 * The API's error answers: always HTTP 200 with {"errcode","errmsg"}, errmsg optionally ending in
 * " hint: [xxxxxxxx]" (a per-request id) as the real platform does, so apps that match errmsg break.
 */
import { newHint } from './ids';

export const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40004: 'invalid media type',
  40007: 'invalid media_id',
  40008: 'invalid message type',
  40009: 'invalid image size',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40066: 'invalid url',
  40125: 'invalid appsecret',
  40164: 'invalid ip, not in whitelist',
  41001: 'access_token missing',
  41005: 'media data missing',
  42001: 'access_token expired',
  43004: 'require subscribe',
  44004: 'empty content',
  45002: 'content size out of limit',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  45015: 'response out of time limit or subscription is canceled',
  45047: 'out of response count limit',
  47001: 'data format error',
  48001: 'api unauthorized',
};

export class WxApiError extends Error {
  constructor(readonly errcode: number, readonly errmsgText = ERRMSG[errcode] ?? 'unknown error') {
    super(`${errcode} ${errmsgText}`);
  }

  body(hints: boolean): { errcode: number; errmsg: string } {
    return { errcode: this.errcode, errmsg: hints ? `${this.errmsgText} hint: [${newHint()}]` : this.errmsgText };
  }
}

export const wxError = (errcode: number, errmsg?: string) => new WxApiError(errcode, errmsg);

/** 40164's errmsg names the caller, e.g. "invalid ip 203.0.113.7 ipv6 ::ffff:203.0.113.7, not in whitelist". */
export function ipNotWhitelisted(callerIp: string): WxApiError {
  const v4 = callerIp.replace(/^::ffff:/, '');
  return new WxApiError(40164, `invalid ip ${v4} ipv6 ::ffff:${v4}, not in whitelist`);
}
