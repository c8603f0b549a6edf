/** The JSON control API under /_sim/ (tests, the chat page, `npm run simulate`). */
import { readJson, type RouteContext, type Router, sendJson, sendText } from '../http';
import { waitFor } from '../messenger/timers';
import type { WeChatControl } from './control';
import * as schemas from './control-schemas';
import { parseInput } from './control-schemas';

const query = (url: URL) => Object.fromEntries(url.searchParams);

export function registerControlRoutes(router: Router, control: WeChatControl, baseUrl: () => string): void {
  const post = (path: string, fn: (body: unknown) => unknown, status = 200) =>
    router.add('POST', path, async ({ req, res }: RouteContext) => sendJson(res, status, (await fn(await readJson(req))) ?? { ok: true }));
  const get = (path: string, fn: (url: URL) => unknown) =>
    router.add('GET', path, async ({ url, res }: RouteContext) => sendJson(res, 200, await fn(url)));

  get('/_sim/info', () => ({ url: baseUrl(), apiBaseUrl: baseUrl(), accounts: control.accounts().length, now: control.now() }));

  post('/_sim/accounts', (body) => control.registerAccount(body as never), 201);
  get('/_sim/accounts', () => control.accounts());
  get('/_sim/followers', (url) => control.followers(parseInput(schemas.appQuerySchema, query(url)).appId));
  post('/_sim/followers/send', (body) => control.followerSends(body as never));

  get('/_sim/sent', async (url) => {
    const { count, waitMs, ...filter } = parseInput(schemas.listQuerySchema, query(url));
    // Long poll: ?count=N&waitMs=T answers as soon as N messages match, or with what there is after T.
    if (count && waitMs) await waitFor(() => control.sent(filter).length >= count, waitMs).catch(() => undefined);
    return control.sent(filter);
  });
  get('/_sim/pushes', (url) => {
    const { appId, openId } = parseInput(schemas.listQuerySchema, query(url));
    return control.pushes({ appId, openId });
  });
  get('/_sim/tokens', (url) => control.tokenLog(parseInput(schemas.appQuerySchema, query(url)).appId));
  get('/_sim/conversations', (url) => {
    const { appId, openId } = parseInput(schemas.conversationQuerySchema, query(url));
    return control.conversation(appId, openId);
  });

  // Media the app uploaded, for the chat page (the real media/get needs an access token).
  router.add('GET', '/_sim/uploads/:mediaId', ({ params, res }: RouteContext) => {
    const media = control.media(params.mediaId);
    if (!media) return sendJson(res, 404, { error: `no media ${params.mediaId}` });
    sendText(res, 200, media.bytes, media.contentType);
  });

  post('/_sim/fail-next', (body) => control.failNext(body as never));
  post('/_sim/clock/advance', (body) => control.advanceClock(body as never));
  post('/_sim/reset', (body) => control.reset(body as never));
}
