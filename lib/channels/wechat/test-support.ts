/** Test-only helpers: webhook requests signed like WeChat's, and a recording fake of its API. */
import { randomInt } from 'node:crypto';
import type { WebhookRequest } from '../types';
import type { WeChatConfig } from './config';
import { encryptMessage, wechatSignature } from './crypto';
import { buildWeChatXml } from './xml';

export const OPENID = 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M';
export const GH_ID = 'gh_123456789abc';

/**
 * The POST WeChat would make for `xml` in config.mode: plaintext, plaintext + Encrypt, or Encrypt only.
 * Signed now with a fresh nonce unless told otherwise, so it passes the replay window.
 */
export function signedWebhook(config: WeChatConfig, xml: string, opts: { timestamp?: string; nonce?: string } = {}): WebhookRequest {
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? String(randomInt(100_000_000, 2_000_000_000));
  const url = new URL('https://switchboard.test/api/webhooks/wechat/inbox_1');
  url.searchParams.set('signature', wechatSignature(config.token, timestamp, nonce));
  url.searchParams.set('timestamp', timestamp);
  url.searchParams.set('nonce', nonce);
  url.searchParams.set('openid', OPENID);
  let body = xml;
  if (config.mode !== 'plain') {
    const encrypt = encryptMessage(xml, config.encodingAesKey!, config.appId);
    body = config.mode === 'safe'
      ? buildWeChatXml([['ToUserName', GH_ID], ['Encrypt', encrypt]])
      : xml.replace(/<\/xml>\s*$/, `${buildWeChatXml([['Encrypt', encrypt]]).slice(5, -6)}</xml>`);
    url.searchParams.set('encrypt_type', 'aes');
    url.searchParams.set('msg_signature', wechatSignature(config.token, timestamp, nonce, encrypt));
  }
  return { method: 'POST', url, headers: new Headers({ 'content-type': 'text/xml' }), rawBody: Buffer.from(body, 'utf8') };
}

export interface RecordedCall {
  url: URL;
  method: string;
  /** Parsed JSON body, or the FormData of an upload. */
  json?: unknown;
  form?: FormData;
}

type Responder = (call: RecordedCall, index: number) => Response | Promise<Response>;

/** A fetch that records calls and answers through `responder` (WeChat answers HTTP 200 with JSON). */
export function fakeWeChatApi(responder: Responder) {
  const calls: RecordedCall[] = [];
  const fetchImpl = (async (input: string | URL | Request, init?: RequestInit) => {
    const call: RecordedCall = { url: new URL(String(input)), method: init?.method ?? 'GET' };
    if (typeof init?.body === 'string') call.json = JSON.parse(init.body);
    if (init?.body instanceof FormData) call.form = init.body;
    calls.push(call);
    return responder(call, calls.length - 1);
  }) as typeof fetch;
  return { fetch: fetchImpl, calls };
}

export const wxJson = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
export const wxError = (errcode: number, errmsg = 'simulated') => wxJson({ errcode, errmsg: `${errmsg} hint: [AbC1234567]` });
export const tokenOk = (token = 'ACCESS_TOKEN_1', expiresIn = 7200) => wxJson({ access_token: token, expires_in: expiresIn });
