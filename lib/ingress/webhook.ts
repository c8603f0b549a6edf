/**
 * Webhook ingress: verify → store raw event + enqueue (one transaction) → acknowledge.
 * `handleWebhookRequest` is the core over raw bytes; `handleWebhook` adapts a fetch `Request`
 * (used by the Next route handler). The custom server calls the core directly, skipping Next.
 */
import { MalformedPayloadError, type WebhookReply, type WebhookRequest } from '@/lib/channels/types';
import { readBoundedBytes } from '@/lib/api/read-body';
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from '@/lib/db-busy';
import { connectorDeps } from '@/lib/domain/shared-cache';
import { runtimeEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { channelOfWebhookPath, countWebhook, metrics, type WebhookOutcome } from '@/lib/metrics/metrics';
import { requestDedupeKey } from './dedupe';
import { inboxForWebhook } from './inbox-cache';
import { storeInboundEvent } from './store';
import { touchInbox } from './touch';

const PATH = /^\/api\/webhooks\/([a-z0-9_-]{1,40})\/([A-Za-z0-9_-]{8,100})\/?$/;
const KEPT_HEADERS = ['content-type', 'user-agent', 'x-hub-signature', 'x-hub-signature-256'];

const reply = (status: number, message: string): WebhookReply => ({ status, body: JSON.stringify({ error: { code: codeFor(status), message } }), contentType: 'application/json' });
const codeFor = (s: number) => ({ 400: 'malformed', 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 413: 'payload_too_large' })[s] ?? 'error';

/** No database connection in time (lib/db-busy.ts): 503 + Retry-After makes the provider retry. */
export const BUSY_BODY = JSON.stringify({ error: { code: 'busy', message: 'Temporarily unable to store the event; retry later' } });

export function isWebhookPath(pathname: string): boolean {
  return pathname.startsWith('/api/webhooks/');
}

/** The core, counted in switchboard_webhooks_total (POSTs only: GETs are provider handshakes). */
export async function handleWebhookRequest(req: WebhookRequest): Promise<WebhookReply> {
  const counted = req.method !== 'GET';
  const channel = channelOfWebhookPath(req.url.pathname);
  try {
    const { reply: result, outcome } = await handle(req);
    if (counted) countWebhook(channel, outcome);
    return result;
  } catch (err) {
    if (counted) countWebhook(channel, 'refused_other'); // not acknowledged (database busy or down): the provider retries
    throw err;
  }
}

const as = (outcome: WebhookOutcome, result: WebhookReply) => ({ reply: result, outcome });

async function handle(req: WebhookRequest): Promise<{ reply: WebhookReply; outcome: WebhookOutcome }> {
  const match = PATH.exec(req.url.pathname);
  if (!match) return as('refused_other', reply(404, 'Unknown webhook URL'));
  const inbox = await inboxForWebhook(match[2]);
  if (!inbox || inbox.channel !== match[1]) return as('refused_other', reply(404, 'Unknown webhook URL'));
  const { connector, config } = inbox;

  if (req.method === 'GET') return as('accepted', connector.handshake(req, config, connectorDeps()) ?? reply(400, 'Not a verification request'));
  if (req.method !== 'POST') return as('refused_other', reply(405, 'Use POST'));
  if (req.rawBody.length > runtimeEnv().WEBHOOK_MAX_BYTES) return as('too_large', reply(413, 'Body too large'));

  const verified = await connector.verify(req, config, connectorDeps());
  if (!verified.ok) {
    logger.warn({ inboxId: inbox.id, reason: verified.reason }, 'webhook refused');
    return as('refused_signature', reply(verified.status, verified.reason));
  }
  let events;
  try {
    events = connector.parse(req, config);
  } catch (err) {
    if (err instanceof MalformedPayloadError) return as('malformed', reply(400, err.message));
    throw err;
  }
  let duplicate = false;
  if (events.length > 0) {
    const headers: Record<string, string> = {};
    for (const h of KEPT_HEADERS) {
      const v = req.headers.get(h);
      if (v !== null) headers[h] = v;
    }
    const stored = await storeInboundEvent({ inboxId: inbox.id, dedupeKey: requestDedupeKey(events), rawBody: req.rawBody, headers });
    duplicate = stored.duplicate;
    // Links this request's id to the event id the worker's log lines carry (debug: one line per webhook).
    logger.debug({ inboxId: inbox.id, eventId: stored.eventId, duplicate }, 'webhook stored');
    touchInbox(inbox.id);
  }
  return as(duplicate ? 'duplicate' : 'accepted', connector.ack(req, config));
}

/** Reads a fetch Request's body under the size cap and runs the core. */
export async function handleWebhook(request: Request): Promise<Response> {
  const stopTimer = request.method === 'POST' ? metrics().webhookAck.startTimer() : undefined;
  try {
    return await handleFetchWebhook(request);
  } finally {
    stopTimer?.();
  }
}

async function handleFetchWebhook(request: Request): Promise<Response> {
  let result: WebhookReply;
  const overCap = (err: unknown) => ((err as { status?: number }).status === 413 ? null : Promise.reject(err));
  const rawBody = await readBoundedBytes(request, runtimeEnv().WEBHOOK_MAX_BYTES).catch(overCap);
  if (rawBody === null) {
    result = reply(413, 'Body too large');
    countWebhook(channelOfWebhookPath(new URL(request.url).pathname), 'too_large');
  } else {
    try {
      result = await handleWebhookRequest({ method: request.method, url: new URL(request.url), headers: request.headers, rawBody });
    } catch (err) {
      if (!isDatabaseBusy(err)) throw err;
      logger.warn({ err }, 'webhook refused: database busy');
      return new Response(BUSY_BODY, { status: 503, headers: { 'content-type': 'application/json', 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) } });
    }
  }
  return new Response(result.body, { status: result.status, headers: { 'content-type': result.contentType ?? 'text/plain; charset=utf-8' } });
}
