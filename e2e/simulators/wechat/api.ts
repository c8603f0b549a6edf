/**
 * The API the app calls (api.weixin.qq.com): HTTP 200 for everything, success or not, with errcode.
 * /cgi-bin/token, /cgi-bin/message/custom/send, /cgi-bin/media/upload and /cgi-bin/media/get.
 */
import { readBody, type RouteContext, type Router, sendJson, sendText } from '../http';
import { WxApiError, wxError } from './api-errors';
import type { SimContext } from './context';
import { newMediaId } from './ids';
import { recordCustomMessage } from './custom-send';
import { authenticate, callerIp, issueToken } from './tokens';
import type { ApiEndpoint } from './types';

const MEDIA_TYPES = new Set(['image', 'voice', 'video', 'thumb']);
const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function registerApiRoutes(router: Router, ctx: SimContext): void {
  /** Runs fn; a WxApiError becomes the platform's HTTP 200 error body. */
  const route = (method: string, path: string, fn: (rc: RouteContext) => Promise<unknown>) =>
    router.add(method, path, async (rc) => {
      try {
        const result = await fn(rc);
        if (result !== undefined) sendJson(rc.res, 200, result);
      } catch (err) {
        if (!(err instanceof WxApiError)) throw err;
        sendJson(rc.res, 200, err.body(ctx.options.errmsgHints));
      }
    });

  /** Authenticates, then applies a forced failure queued for this endpoint (after its delay). */
  const begin = async ({ req, url }: RouteContext, endpoint: ApiEndpoint) => {
    const account = authenticate(ctx, url.searchParams, callerIp(req));
    const forced = ctx.state.takeForced(account.appId, endpoint);
    if (forced?.delayMs) await sleep(forced.delayMs);
    if (forced && forced.errcode !== 0) throw wxError(forced.errcode, forced.errmsg);
    return account;
  };

  route('GET', '/cgi-bin/token', async ({ req, url }) => issueToken(ctx, url.searchParams, callerIp(req)));

  route('POST', '/cgi-bin/message/custom/send', async (rc) => {
    const account = await begin(rc, 'send');
    let body: unknown;
    try {
      body = JSON.parse((await readBody(rc.req)).toString('utf8'));
    } catch {
      throw wxError(47001);
    }
    recordCustomMessage(ctx, account.appId, body);
    return { errcode: 0, errmsg: 'ok' };
  });

  route('POST', '/cgi-bin/media/upload', async (rc) => {
    const account = await begin(rc, 'upload');
    const type = rc.url.searchParams.get('type') ?? '';
    if (!MEDIA_TYPES.has(type)) throw wxError(40004);
    const raw = await readBody(rc.req, MAX_UPLOAD_BYTES + 64 * 1024);
    const form = await new Response(raw as unknown as BodyInit, { headers: { 'content-type': rc.req.headers['content-type'] ?? '' } })
      .formData().catch(() => null);
    const file = form?.get('media');
    if (!(file instanceof File) || file.size === 0) throw wxError(41005);
    if (type === 'image' && file.size > MAX_UPLOAD_BYTES) throw wxError(40009);
    const mediaId = newMediaId();
    const createdAt = ctx.clock.seconds();
    ctx.state.media.set(mediaId, {
      mediaId, appId: account.appId, type, filename: file.name, contentType: file.type || 'application/octet-stream',
      bytes: Buffer.from(await file.arrayBuffer()), createdAt: createdAt * 1000,
    });
    return { type, media_id: mediaId, created_at: createdAt };
  });

  route('GET', '/cgi-bin/media/get', async (rc) => {
    const account = await begin(rc, 'media_get');
    const media = ctx.state.media.get(rc.url.searchParams.get('media_id') ?? '');
    if (!media || media.appId !== account.appId) throw wxError(40007);
    sendText(rc.res, 200, media.bytes, media.contentType, { 'Content-Disposition': `attachment; filename="${media.filename}"` });
    return undefined;
  });
}

/** Any other path: the platform still answers HTTP 200 with an errcode. */
export function unknownApiPath(hints: boolean) {
  return wxError(40066).body(hints);
}
