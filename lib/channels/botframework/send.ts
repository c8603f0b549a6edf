import { ConnectorError, type OutboundMessage, type SendContext, type SendResult } from '../types';
import { DEFAULT_TIMEOUT_MS, fetchWithTimeout, readResponseBody } from '../shared/http';
import type { BotFrameworkConfig } from './config';
import { outboundActivity } from './outbound-activity';
import { referenceSchema, type StoredReference } from './reference';
import { connectorHttpError, connectorNetworkError } from './send-errors';
import { botAccessToken } from './token';

export const NO_ADDRESS_MESSAGE = 'This conversation has no Bot Framework address yet: the customer must write first';

/**
 * Posts a message into the conversation named by the stored reference (PROTOCOLS.md 4e):
 * `{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`, the id URL-encoded because Teams
 * ids contain `:`, `@` and `;`. A 401 gets one retry with a fresh token.
 */
export async function sendBotFrameworkMessage(ctx: SendContext<BotFrameworkConfig>, message: OutboundMessage): Promise<SendResult> {
  const parsed = referenceSchema.safeParse(ctx.reference);
  if (!parsed.success) throw new ConnectorError('invalid_recipient', NO_ADDRESS_MESSAGE, { retryable: false });
  const ref = parsed.data;
  // An explicit reply target wins; otherwise thread under the customer's latest message, as
  // botbuilder does when it continues a conversation from a stored reference.
  const replyToId = message.replyToExternalId ?? ref.activityId;
  const body = JSON.stringify(outboundActivity(ref, ctx.config.appId, message, replyToId));
  const url = activitiesUrl(ref, replyToId);

  const deps = { fetch: ctx.fetch, cache: ctx.cache, now: ctx.now };
  let token = await botAccessToken(ctx.config, deps);
  // The serviceUrl came in an activity: the safe fetch refuses private and link-local addresses.
  let res = await post(ctx.fetchUntrusted, url, token, body);
  if (res.status === 401) {
    token = await botAccessToken(ctx.config, deps, token);
    res = await post(ctx.fetchUntrusted, url, token, body);
  }
  if (res.status >= 200 && res.status < 300) {
    const id = (res.json as { id?: unknown } | undefined)?.id;
    // Some channels accept without returning an id: the message went out, so it must not fail
    // (or be retried); our own message id keeps the external id unique.
    return { externalId: typeof id === 'string' && id !== '' ? id : `local:${message.metadata}` };
  }
  throw connectorHttpError(res.status, res.json, res.retryAfter, ctx.now);
}

export function activitiesUrl(ref: Pick<StoredReference, 'serviceUrl' | 'conversationId'>, replyToId?: string): string {
  const base = `${ref.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(ref.conversationId)}/activities`;
  return replyToId ? `${base}/${encodeURIComponent(replyToId)}` : base;
}

async function post(fetchImpl: typeof fetch, url: string, token: string, body: string) {
  try {
    const res = await fetchWithTimeout(fetchImpl, url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json; charset=utf-8' },
      body,
    });
    const { json } = await readResponseBody(res);
    return { status: res.status, json, retryAfter: res.headers.get('retry-after') };
  } catch (err) {
    throw connectorNetworkError(err, DEFAULT_TIMEOUT_MS);
  }
}
