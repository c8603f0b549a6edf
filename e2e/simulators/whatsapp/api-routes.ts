/** The provider APIs the connectors call: Meta's Cloud API and 360dialog's, on one server. */
import type { IncomingMessage } from 'node:http';
import { HttpError, readBody, type RouteContext, type Router, sendJson, sendText } from '../http';
import { authenticate360, authenticateCloud, credentialAccounts } from './auth';
import type { SimulatorContext } from './context';
import { checkDownload, DOWNLOAD_PATH, mediaInfo } from './media';
import { handleSend } from './send-api';
import { cloudTemplatePage, d360TemplateList } from './templates';
import type { Account } from './types';
import { D360AuthError, WaError, waErrors } from './wa-errors';
import { setD360Webhook } from './d360-webhook';

const VERSION = /^v\d+\.\d+$/;

export function registerApiRoutes(router: Router, ctx: SimulatorContext): void {
  // Before '/:version/:node', which has as many segments.
  router.add('GET', DOWNLOAD_PATH, ({ req, res, url }) => {
    const check = checkDownload(ctx, url, credentialAccounts(ctx, req, url));
    if ('status' in check) return sendJson(res, check.status, { error: check.error });
    sendText(res, 200, check.item.bytes, check.item.mimeType);
  });

  // Meta Cloud API (Bearer token); the path names the number, WABA or media the token must reach.
  const cloud = (pick: (a: Account, node: string) => boolean, fn: (rc: RouteContext, account: Account, raw: Buffer) => unknown) => api((rc, raw) => {
    if (!VERSION.test(rc.params.version)) throw waErrors.unknownPath(rc.url.pathname);
    return fn(rc, authenticateCloud(ctx, rc.req, rc.url, rc.params.node, (a) => pick(a, rc.params.node)), raw);
  });
  router.add('POST', '/:version/:node/messages', cloud((a, node) => a.phoneNumberId === node, (_rc, account, raw) => handleSend(ctx, account, raw)));
  router.add('GET', '/:version/:node/message_templates', cloud((a, node) => a.wabaId === node, ({ req, url }) =>
    cloudTemplatePage(new URL(`${url.pathname}${url.search}`, origin(req)))));
  const ownsNode = (a: Account, node: string) => a.phoneNumberId === node || ctx.state.media.get(node)?.phoneNumberId === a.phoneNumberId;
  router.add('GET', '/:version/:node', cloud(ownsNode, ({ req, url, params }, account) => readNode(ctx, req, url, params.node, account)));

  // 360dialog (D360-API-KEY), Cloud-format bodies.
  const d360 = (fn: (rc: RouteContext, account: Account, raw: Buffer) => unknown) => api((rc, raw) => fn(rc, authenticate360(ctx, rc.req), raw));
  router.add('POST', '/messages', d360((_rc, account, raw) => handleSend(ctx, account, raw)));
  router.add('GET', '/v1/configs/webhook', d360((_rc, account) => ({ url: account.webhookUrl ?? '' })));
  router.add('POST', '/v1/configs/webhook', d360((_rc, account, raw) => setD360Webhook(ctx, account, parseJson(raw))));
  router.add('GET', '/v1/configs/templates', d360(() => d360TemplateList()));
  router.add('GET', '/:mediaId', d360(({ req, params }, account) => {
    const item = ctx.state.media.get(params.mediaId);
    if (!item || item.phoneNumberId !== account.phoneNumberId) throw waErrors.unknownObject(params.mediaId);
    return mediaInfo(ctx, account, item, origin(req));
  }));
}

/** Reads the whole body first (so errors never race an unread upload), runs the handler, answers 200 JSON or the provider's error shape. */
function api(handler: (rc: RouteContext, raw: Buffer) => unknown) {
  return async (rc: RouteContext) => {
    const raw = rc.req.method === 'POST' ? await readBody(rc.req, 5_000_000) : Buffer.alloc(0);
    try {
      sendJson(rc.res, 200, await handler(rc, raw));
    } catch (err) {
      if (err instanceof D360AuthError) return sendJson(rc.res, 401, err.body());
      if (!(err instanceof WaError)) throw err;
      const headers: Record<string, string> = err.code === 190 ? { 'WWW-Authenticate': `OAuth "Facebook Platform" "invalid_token" "${err.title}"` } : {};
      sendJson(rc.res, err.httpStatus, err.body(), headers);
    }
  };
}

function parseJson(raw: Buffer): unknown {
  try {
    return raw.length ? JSON.parse(raw.toString('utf8')) : {};
  } catch {
    throw new HttpError(400, { meta: { success: false, http_code: 400, developer_message: 'request body is not valid JSON' } });
  }
}

const origin = (req: IncomingMessage) => `http://${req.headers.host ?? 'localhost'}`;

const PHONE_FIELDS = ['verified_name', 'code_verification_status', 'display_phone_number', 'quality_rating', 'platform_type', 'throughput'];

/** GET /{version}/{phone-number-id}?fields=… or /{version}/{media-id}. */
function readNode(ctx: SimulatorContext, req: IncomingMessage, url: URL, node: string, account: Account): Record<string, unknown> {
  const media = ctx.state.media.get(node);
  if (media) return mediaInfo(ctx, account, media, origin(req));
  const all: Record<string, unknown> = {
    verified_name: account.verifiedName, code_verification_status: 'VERIFIED', display_phone_number: account.displayPhoneNumber,
    quality_rating: 'GREEN', platform_type: 'CLOUD_API', throughput: { level: 'STANDARD' },
  };
  const requested = (url.searchParams.get('fields') ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  const out: Record<string, unknown> = {};
  for (const field of requested.length ? requested : PHONE_FIELDS) {
    if (!(field in all)) throw waErrors.param(`Tried accessing nonexisting field (${field}) on node type (WhatsAppBusinessPhoneNumber)`);
    out[field] = all[field];
  }
  return { ...out, id: account.phoneNumberId };
}
