/**
 * URL verification (GET echostr) and POST authenticity (PROTOCOLS.md 3a/3b), constant-time, then
 * the replay window (replay.ts): timestamp within 5 minutes, each nonce for one message only.
 */
import { constantTimeEqual } from '../shared/hmac';
import { MalformedPayloadError, type ConnectorDeps, type VerifyResult, type WebhookReply, type WebhookRequest } from '../types';
import type { WeChatConfig } from './config';
import { wechatSignature } from './crypto';
import { bodyText, decryptFor, InvalidAppIdError } from './envelope';
import { claimNonce, messageIdentity, timestampProblem } from './replay';
import { parseWeChatXml } from './xml';

const text = (status: number, body: string): WebhookReply => ({ status, body, contentType: 'text/plain' });

function signatureMatches(given: string, ...parts: string[]): boolean {
  return constantTimeEqual(given.toLowerCase(), wechatSignature(...parts));
}

/**
 * GET ?signature&timestamp&nonce&echostr → 200 with echostr verbatim (no newline). Official
 * Accounts use this plain signature and a plaintext echostr in every mode (WeCom differs).
 * A captured handshake older than 5 minutes is refused too (its nonce is not recorded: answering
 * it again only echoes the caller's own echostr).
 */
export function wechatHandshake(req: WebhookRequest, config: Pick<WeChatConfig, 'token'>, deps?: Pick<ConnectorDeps, 'now'>): WebhookReply | null {
  if (req.method.toUpperCase() !== 'GET') return null;
  const q = req.url.searchParams;
  if (!q.has('signature') && !q.has('echostr')) return null;
  const [signature, timestamp, nonce, echostr] = ['signature', 'timestamp', 'nonce', 'echostr'].map((name) => q.get(name));
  if (!signature || !timestamp || !nonce || !signatureMatches(signature, config.token, timestamp, nonce)) {
    return text(401, 'Invalid signature'); // node-webot's answer; never echo anything on failure
  }
  const stale = timestampProblem(timestamp, deps?.now() ?? new Date());
  if (stale) return text(403, stale);
  if (echostr === null) return text(400, 'Missing echostr');
  return text(200, echostr);
}

/** Signature (and, in the encrypted modes, AppID), then the replay window. */
export async function verifyWeChatRequest(req: WebhookRequest, config: WeChatConfig, deps: Pick<ConnectorDeps, 'now' | 'cache'>): Promise<VerifyResult> {
  const signed = checkWeChatSignature(req, config);
  if (!signed.ok) return signed;
  const q = req.url.searchParams;
  const [timestamp, nonce] = [q.get('timestamp')!, q.get('nonce')!]; // both checked by the signature
  const now = deps.now();
  const stale = timestampProblem(timestamp, now);
  if (stale) return { ok: false, status: 403, reason: stale };
  return claimNonce(deps.cache, config, { timestamp, nonce }, messageIdentity(req, config), now);
}

/**
 * Plain mode: `signature` over (token, timestamp, nonce). It does not cover the body at all, which
 * is WeChat's design: only the encrypted modes authenticate the message itself.
 * Compatible/safe: `msg_signature` over (token, timestamp, nonce, Encrypt), then decrypt and check
 * the trailing AppID (so a message sealed for another account fails here, before anything is stored).
 */
export function checkWeChatSignature(req: WebhookRequest, config: WeChatConfig): VerifyResult {
  const q = req.url.searchParams;
  const timestamp = q.get('timestamp');
  const nonce = q.get('nonce');
  if (config.mode === 'plain') {
    const signature = q.get('signature');
    if (!signature || !timestamp || !nonce) return { ok: false, status: 401, reason: 'Missing signature, timestamp or nonce' };
    if (!signatureMatches(signature, config.token, timestamp, nonce)) return { ok: false, status: 403, reason: 'Invalid signature' };
    return { ok: true };
  }

  const msgSignature = q.get('msg_signature');
  if (!msgSignature || !timestamp || !nonce) return { ok: false, status: 401, reason: 'Missing msg_signature, timestamp or nonce' };
  let encrypt: string | undefined;
  try {
    encrypt = parseWeChatXml(bodyText(req.rawBody), 'WeChat webhook body').Encrypt;
  } catch (err) {
    if (err instanceof MalformedPayloadError) return { ok: false, status: 403, reason: err.message };
    throw err;
  }
  if (encrypt === undefined) return { ok: false, status: 403, reason: 'No <Encrypt> element to check msg_signature against' };
  if (!signatureMatches(msgSignature, config.token, timestamp, nonce, encrypt)) {
    return { ok: false, status: 403, reason: 'Invalid msg_signature' };
  }
  try {
    decryptFor(config, encrypt);
  } catch (err) {
    if (!(err instanceof MalformedPayloadError)) throw err;
    // Signed with our token but not decryptable for our AppID: node-webot answers 401 Invalid appid.
    return err instanceof InvalidAppIdError
      ? { ok: false, status: 401, reason: 'Invalid appid' }
      : { ok: false, status: 403, reason: err.message };
  }
  return { ok: true };
}
