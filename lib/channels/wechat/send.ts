/**
 * Customer-service messages (POST /cgi-bin/message/custom/send, PROTOCOLS.md 3e): text, then each
 * image by media_id. Link, file, audio and video attachments go out as a link in a text message:
 * the API has no file message, and its voice/video messages need WeChat-specific formats.
 */
import { randomBytes } from 'node:crypto';
import { ConnectorError, type OutboundMessage, type SendContext, type SendResult } from '../types';
import { apiUrl, callWeChat } from './api';
import type { WeChatConfig } from './config';
import { wechatErrorToConnectorError } from './errors';
import { uploadImage } from './media';
import { type TokenDeps, withAccessToken } from './token';
import { wechatWindow } from './window';

type Part = { kind: 'text'; content: string } | { kind: 'image'; url: string; name?: string };
type WireBody = { msgtype: 'text'; text: { content: string } } | { msgtype: 'image'; image: { media_id: string } };

/**
 * The API answers {"errcode":0,"errmsg":"ok"} and no message id, so we make one. It only has to be
 * unique per inbox: customer-service messages get no receipts that could refer to it.
 */
export function newExternalId(now: Date): string {
  return `wx-${now.getTime()}-${randomBytes(6).toString('hex')}`;
}

function toParts(message: OutboundMessage): Part[] {
  if (message.template) throw new ConnectorError('invalid_request', 'WeChat template messages are not supported by this inbox yet');
  const parts: Part[] = [];
  if (message.text !== undefined && message.text.trim() !== '') parts.push({ kind: 'text', content: message.text });
  for (const a of message.attachments ?? []) {
    if (a.kind === 'image' || a.kind === 'sticker') parts.push({ kind: 'image', url: a.url, ...(a.name ? { name: a.name } : {}) });
    else parts.push({ kind: 'text', content: a.name ? `${a.name}: ${a.url}` : a.url });
  }
  if (parts.length === 0) throw new ConnectorError('invalid_request', 'The message has no text or attachment to send');
  return parts;
}

/** Refuses before calling WeChat when the 48 h window or the reply cap would make it fail anyway. */
function checkWindow(ctx: SendContext<WeChatConfig>, message: OutboundMessage, partCount: number): void {
  const sent = message.sentSinceInbound ?? 0;
  const state = wechatWindow(ctx.lastInboundAt, ctx.now, ctx.config, { sentSinceInbound: sent });
  if (!state.open) throw new ConnectorError('window_closed', state.note ?? 'The 48-hour reply window closed', { retryable: false });
  const left = ctx.config.windowMessageCap - sent;
  if (partCount > left) {
    throw new ConnectorError('window_closed', `This reply needs ${partCount} WeChat messages (text and each image count separately) but only ${left} can be sent until the customer writes again`, { retryable: false });
  }
}

async function post(config: WeChatConfig, deps: TokenDeps, touser: string, body: WireBody): Promise<void> {
  const result = await withAccessToken(config, deps, (token) =>
    callWeChat(deps.fetch, apiUrl(config.apiBaseUrl, '/cgi-bin/message/custom/send', { access_token: token }), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      // Non-ASCII as is: WeChat counts the length of what it receives, and \u escapes would inflate it.
      body: JSON.stringify({ touser, ...body }),
    }),
  );
  if (result.errcode !== 0) throw wechatErrorToConnectorError(result.errcode, result.errmsg);
}

export async function sendWeChatMessage(ctx: SendContext<WeChatConfig>, message: OutboundMessage): Promise<SendResult> {
  const parts = toParts(message);
  checkWindow(ctx, message, parts.length);
  const deps: TokenDeps & { fetchUntrusted: typeof fetch } = { fetch: ctx.fetch, fetchUntrusted: ctx.fetchUntrusted, cache: ctx.cache };
  // Upload every image first: an upload failure then leaves nothing half-sent.
  const bodies: WireBody[] = [];
  for (const part of parts) {
    bodies.push(part.kind === 'text'
      ? { msgtype: 'text', text: { content: part.content } }
      : { msgtype: 'image', image: { media_id: await uploadImage(ctx.config, deps, part.url, part.name) } });
  }
  const ids: string[] = [];
  for (const [index, body] of bodies.entries()) {
    try {
      await post(ctx.config, deps, ctx.contactExternalId, body);
      ids.push(newExternalId(ctx.now));
    } catch (err) {
      if (index === 0 || !(err instanceof ConnectorError)) throw err;
      // Earlier parts already went out: retrying would send them twice, so surface, don't retry.
      throw new ConnectorError(err.kind === 'window_closed' ? 'window_closed' : 'provider', `Part ${index + 1} of ${bodies.length} was not sent: ${err.message}`, {
        retryable: false, code: err.code,
      });
    }
  }
  return { externalId: ids[0], externalIds: ids };
}
