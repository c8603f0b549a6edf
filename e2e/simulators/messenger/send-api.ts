/** POST /:version/me/messages — the Send API, with Meta's checks in Meta's order. */
import type { IncomingMessage } from 'node:http';
import { readBody } from '../http';
import type { SimulatorContext } from './context';
import { authenticatePage } from './graph-auth';
import { GraphError, graphErrors } from './graph-errors';
import { newAttachmentId, newMid } from './ids';
import { checkWindow } from './messaging-window';
import { scheduleReceipts } from './receipts';
import { decodeSendBody, parseSendRequest, type SendRequest } from './send-request';
import { sleep } from './timers';
import type { FailureSpec, Page, SentMessage } from './types';

export async function handleSend(
  ctx: SimulatorContext,
  req: IncomingMessage,
  url: URL,
  pathPageId: string,
): Promise<Record<string, unknown>> {
  const raw = await readBody(req, 5_000_000);
  const page = authenticatePage(ctx, req, url);
  if (pathPageId !== 'me' && pathPageId !== page.pageId) throw graphErrors.unknownObject(pathPageId, 'post');
  if (!ctx.limiter.tryAcquire(page.pageId)) throw graphErrors.rateLimited();
  await applyInjectedFailure(ctx.state.takeFailure(page.pageId));

  const request = parseSendRequest(decodeSendBody(raw, req.headers['content-type']));
  const customer = ctx.state.customer(page.pageId, request.psid);
  if (!customer || customer.lastInboundAt === null) throw graphErrors.noMatchingUser();
  if (customer.blocked) throw graphErrors.unavailable();
  const windowError = checkWindow(
    request.kind === 'message' ? request.messagingType : undefined,
    request.kind === 'message' ? request.tag : undefined,
    customer.lastInboundAt,
  );
  if (windowError) throw windowError;

  if (request.kind === 'sender_action') {
    ctx.state.senderActions.push({ pageId: page.pageId, psid: request.psid, action: request.action, time: Date.now() });
    return { recipient_id: request.psid };
  }
  const sent = recordSent(ctx, page, request);
  scheduleReceipts(ctx, sent);
  const response: Record<string, unknown> = { recipient_id: sent.psid, message_id: sent.messageId };
  if (sent.attachment?.payload.is_reusable === true) response.attachment_id = newAttachmentId();
  return response;
}

/** failNext: optional delay (to make the app's request time out), then the exact Graph error asked for. */
async function applyInjectedFailure(failure: FailureSpec | undefined): Promise<void> {
  if (!failure) return;
  if (failure.delayMs) await sleep(failure.delayMs);
  if (failure.code === undefined) return;
  const transient = failure.code === 1200 || failure.code === 2;
  throw new GraphError({
    httpStatus: failure.httpStatus ?? (transient ? 500 : 400),
    code: failure.code,
    subcode: failure.subcode,
    type: failure.type,
    isTransient: failure.isTransient ?? (transient ? true : undefined),
    retryAfterSeconds: failure.retryAfterSeconds,
    message: failure.message ?? DEFAULT_MESSAGES[failure.code] ?? `(#${failure.code}) Simulated failure`,
  });
}

const DEFAULT_MESSAGES: Record<number, string> = {
  1200: '(#1200) Temporary send message failure. Please try again later',
  2: 'An unexpected error has occurred. Please retry your request later.',
  4: '(#4) Application request limit reached',
  200: '(#200) Requires pages_messaging permission to manage the object',
};

function recordSent(ctx: SimulatorContext, page: Page, request: Extract<SendRequest, { kind: 'message' }>): SentMessage {
  const { message } = request;
  const sent: SentMessage = {
    seq: ctx.state.nextSeq(),
    pageId: page.pageId,
    psid: request.psid,
    messageId: newMid(),
    via: 'send_api',
    messagingType: request.messagingType,
    ...(request.tag !== undefined ? { tag: request.tag } : {}),
    ...(message.metadata !== undefined ? { metadata: message.metadata } : {}),
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(message.attachment !== undefined ? { attachment: message.attachment } : {}),
    body: request.body,
    time: Date.now(),
    status: 'sent',
  };
  ctx.state.sent.push(sent);
  return sent;
}
