/**
 * WeChat's replay window. The query's `timestamp` and `nonce` are signed, but in plain mode the
 * body is not, so a captured signature could carry any message: requests more than 5 minutes from
 * now (either way) are refused, and each (timestamp, nonce) is accepted for one message only.
 *
 * WeChat re-sends a request it got no answer for within 5 s. A repeat of the nonce is therefore let
 * through when it carries the same message (same MsgId, or FromUserName + CreateTime for events):
 * the ingress stores it under that same dedupe key, so it is a no-op if the first copy was stored
 * and stores it if the first copy failed, and either way WeChat gets its `success`. A repeat with a
 * different message is what a replay looks like, and is refused.
 */
import { createHash } from 'node:crypto';
import { MalformedPayloadError, type SharedCache, type VerifyResult, type WebhookRequest } from '../types';
import type { WeChatConfig } from './config';
import { parseWeChatWebhook } from './parse';

export const REPLAY_WINDOW_SECONDS = 300;
/** Nonces are kept a little past their window, so clock skew between our processes cannot reopen it. */
const NONCE_TTL_MARGIN_SECONDS = 60;

const refuse = (reason: string): VerifyResult => ({ ok: false, status: 403, reason });

/** Null when `timestamp` (epoch seconds) is within 5 minutes of now; otherwise why it is refused. */
export function timestampProblem(timestamp: string, now: Date): string | null {
  if (!/^\d{1,12}$/.test(timestamp)) return 'timestamp must be epoch seconds';
  const skew = Number(timestamp) - Math.floor(now.getTime() / 1000);
  if (skew < -REPLAY_WINDOW_SECONDS) return `Request timestamp is ${-skew} s old (more than 5 minutes): refused as a possible replay`;
  if (skew > REPLAY_WINDOW_SECONDS) return `Request timestamp is ${skew} s in the future (more than 5 minutes): check this server's clock`;
  return null;
}

/** What makes two requests "the same message" for WeChat's retries: the events' dedupe keys. */
export function messageIdentity(req: WebhookRequest, config: WeChatConfig): string {
  let identity: string;
  try {
    identity = parseWeChatWebhook(req, config).map((e) => e.dedupeKey).sort().join('\n');
  } catch (err) {
    if (!(err instanceof MalformedPayloadError)) throw err;
    identity = `raw:${createHash('sha256').update(req.rawBody).digest('hex')}`; // the ingress answers 400 anyway
  }
  return createHash('sha256').update(identity).digest('base64url');
}

/**
 * Records (timestamp, nonce) for this account, atomically across processes. Call only for a
 * request whose signature and timestamp already passed, so unsigned noise cannot fill the cache.
 */
export async function claimNonce(
  cache: SharedCache,
  config: WeChatConfig,
  q: { timestamp: string; nonce: string },
  identity: string,
  now: Date,
): Promise<VerifyResult> {
  // Keyed by AppID, not by URL: the same inbox answers on several spellings of its webhook path.
  const key = `wechat:nonce:${config.appId}:${q.timestamp}:${q.nonce}`;
  const ttl = Number(q.timestamp) + REPLAY_WINDOW_SECONDS - Math.floor(now.getTime() / 1000) + NONCE_TTL_MARGIN_SECONDS;
  for (let tries = 0; tries < 2; tries++) {
    if (await cache.addIfAbsent(key, identity, ttl)) return { ok: true };
    const seen = await cache.get(key);
    if (seen === identity) return { ok: true }; // WeChat's own retry of this message: the store dedupes it
    if (seen !== null) return refuse('nonce already used for another message within 5 minutes: refused as a replay');
    // It expired between the two calls: claim it again.
  }
  return refuse('nonce already used within 5 minutes: refused as a replay');
}
