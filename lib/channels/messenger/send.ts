import { ConnectorError, type OutboundMessage, type SendContext, type SendResult } from '../types';
import { fetchWithTimeout, parseRetryAfter, readResponseBody, DEFAULT_TIMEOUT_MS } from '../shared/http';
import type { MessengerConfig } from './config';
import { graphErrorToConnectorError, networkErrorToConnectorError } from './errors';
import { graphUrl, readGraphError } from './graph';
import { messengerWindow, replyPolicy, type ReplyPolicy } from './window';

export const MAX_TEXT_LENGTH = 2000;

type WireMessage = { text: string } | { attachment: { type: string; payload: { url: string; is_reusable: true } } };

/**
 * Send API (PROTOCOLS.md 1e). One call per part, because a Messenger message carries text OR one
 * attachment: text first, then each attachment by URL; the first message_id identifies the message.
 * Every part carries our `metadata` so all its echoes are recognised as ours.
 */
export async function sendMessengerMessage(
  ctx: SendContext<MessengerConfig>,
  message: OutboundMessage,
): Promise<SendResult> {
  const parts = toWireParts(message);
  const policy = replyPolicy(ctx.lastInboundAt, ctx.now, ctx.config);
  if (!policy) {
    // Same wording as the composer's window banner: the agent sees one explanation.
    const { note } = messengerWindow(ctx.lastInboundAt, ctx.now, ctx.config);
    throw new ConnectorError('window_closed', note ?? "The customer's reply window has closed", { retryable: false });
  }

  let firstId: string | undefined;
  for (const [index, part] of parts.entries()) {
    try {
      const id = await postMessage(ctx, policy, { ...part, metadata: message.metadata });
      firstId ??= id;
    } catch (err) {
      if (index === 0 || !(err instanceof ConnectorError)) throw err;
      // Earlier parts already went out: retrying would send them twice, so surface, don't retry.
      throw new ConnectorError('provider', `Part ${index + 1} of ${parts.length} was not sent: ${err.message}`, {
        retryable: false, code: err.code,
      });
    }
  }
  return { externalId: firstId! };
}

function toWireParts(message: OutboundMessage): WireMessage[] {
  if (message.template) throw new ConnectorError('invalid_request', 'Messenger does not support templates');
  const parts: WireMessage[] = [];
  if (message.text !== undefined && message.text.trim() !== '') {
    // UTF-16 length ≥ character count, so this never lets through text Meta would reject.
    if (message.text.length > MAX_TEXT_LENGTH) {
      throw new ConnectorError('invalid_request', `Messenger messages are limited to ${MAX_TEXT_LENGTH} characters`);
    }
    parts.push({ text: message.text });
  }
  for (const attachment of message.attachments ?? []) {
    if (attachment.kind === 'link') {
      parts.push({ text: attachment.url });
      continue;
    }
    const type = attachment.kind === 'sticker' ? 'image' : attachment.kind;
    parts.push({ attachment: { type, payload: { url: attachment.url, is_reusable: true } } });
  }
  if (parts.length === 0) throw new ConnectorError('invalid_request', 'The message has no text or attachment to send');
  return parts;
}

async function postMessage(
  ctx: SendContext<MessengerConfig>,
  policy: ReplyPolicy,
  message: WireMessage & { metadata: string },
): Promise<string> {
  const body = {
    recipient: { id: ctx.contactExternalId },
    messaging_type: policy.messagingType,
    ...(policy.messagingType === 'MESSAGE_TAG' ? { tag: policy.tag } : {}),
    message,
  };
  let res: Response;
  let json: unknown;
  try {
    res = await fetchWithTimeout(ctx.fetch, graphUrl(ctx.config, 'me/messages'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    ({ json } = await readResponseBody(res));
  } catch (err) {
    throw networkErrorToConnectorError(err, DEFAULT_TIMEOUT_MS);
  }
  const messageId = (json as { message_id?: unknown } | undefined)?.message_id;
  const graphError = readGraphError(json);
  if (res.ok && !graphError && typeof messageId === 'string' && messageId !== '') return messageId;
  if (res.ok && !graphError) {
    // Accepted without an id: it may have been delivered, so never retry automatically.
    throw new ConnectorError('provider', 'Meta accepted the message but returned no message id', { retryable: false });
  }
  const retryAfter = parseRetryAfter(res.headers.get('retry-after'), ctx.now);
  throw graphErrorToConnectorError(graphError, res.status, retryAfter);
}
