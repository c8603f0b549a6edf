/**
 * The fake Connector a bot replies through (PROTOCOLS.md 4e, 4g):
 * POST {serviceUrl}/v3/conversations/{conversationId}/activities[/{activityId}].
 * Checks, in the Connector's order: the AAD bearer token, injected failures, the conversation
 * (404 unknown, 403 bot uninstalled), then the activity itself; answers 201 {id}.
 */
import type { IncomingMessage } from 'node:http';
import { readBody, type RouteContext, type Router, sendJson } from '../http';
import { connectorError, connectorErrors, DEFAULT_FAILURE_CODES } from './connector-errors';
import type { SimulatorContext } from './context';
import { newMessageId } from './ids';
import { abortableSleep } from './timers';
import type { SentActivity } from './types';

export function registerConnectorRoutes(router: Router, ctx: SimulatorContext): void {
  const handler = (rc: RouteContext) => handlePost(ctx, rc);
  router.add('POST', '/:region/v3/conversations/:conversationId/activities', handler);
  router.add('POST', '/:region/v3/conversations/:conversationId/activities/:activityId', handler);
}

function authenticate(ctx: SimulatorContext, req: IncomingMessage): string {
  const [scheme, token, extra] = (req.headers.authorization ?? '').split(' ');
  const issued = scheme === 'Bearer' && !extra ? ctx.state.tokens.get(token) : undefined;
  if (!issued || issued.expiresAt <= Date.now()) throw connectorErrors.unauthorized();
  return issued.appId;
}

async function injectedFailure(ctx: SimulatorContext, appId: string): Promise<void> {
  const failure = ctx.state.takeFailure(appId);
  if (!failure) return;
  if (failure.hang) {
    await abortableSleep(ctx, ctx.options.hangMs);
    throw connectorErrors.gatewayTimeout();
  }
  const [code, message] = DEFAULT_FAILURE_CODES[failure.status] ?? ['Error', 'Simulated failure.'];
  throw connectorError(failure.status, failure.code ?? code, failure.message ?? message, failure.retryAfter ? { 'Retry-After': failure.retryAfter } : {});
}

async function handlePost(ctx: SimulatorContext, { req, res, url, params }: RouteContext): Promise<void> {
  const raw = await readBody(req, ctx.options.maxActivityBytes * 10);
  const appId = authenticate(ctx, req);
  // Strict on purpose (PROTOCOLS.md 4e): an unencoded `;messageid=` is the classic Teams bug.
  const rawConversation = url.pathname.split('/')[4] ?? '';
  if (rawConversation.includes(';')) throw connectorErrors.badArgument(`Conversation id must be URL-encoded (found a raw ';' in ${rawConversation})`);
  await injectedFailure(ctx, appId);

  const conversation = ctx.state.conversations.get(params.conversationId);
  if (!conversation || conversation.appId !== appId) throw connectorErrors.notFound();
  if (!conversation.installed) throw connectorErrors.notInRoster();
  if (raw.length > ctx.options.maxActivityBytes) throw connectorErrors.tooBig();

  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    throw connectorErrors.badSyntax('The request body is not valid JSON.');
  }
  if (body?.type !== 'message') throw connectorErrors.badArgument(`Unsupported activity type ${JSON.stringify(body?.type)}.`);
  const text = typeof body.text === 'string' && body.text !== '' ? body.text : undefined;
  const attachments = Array.isArray(body.attachments) && body.attachments.length ? body.attachments : undefined;
  if (!text && !attachments) throw connectorErrors.badArgument('Activity must have text or attachments.');
  const bodyConversation = (body.conversation as { id?: unknown } | undefined)?.id;
  if (bodyConversation !== undefined && bodyConversation !== conversation.id) throw connectorErrors.badArgument('conversation.id does not match the URL.');

  const replyToId = params.activityId ?? (typeof body.replyToId === 'string' ? body.replyToId : undefined);
  const sent: SentActivity = {
    seq: ctx.state.nextSeq(), appId, conversationId: conversation.id, activityId: newMessageId(),
    rawPath: url.pathname, body, time: Date.now(),
    ...(replyToId ? { replyToId } : {}), ...(text ? { text } : {}), ...(attachments ? { attachments } : {}),
  };
  ctx.state.sent.push(sent);
  sendJson(res, 201, { id: sent.activityId });
}
