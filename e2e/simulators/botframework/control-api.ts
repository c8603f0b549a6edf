/** The JSON control API under /_sim/ (tests, the chat page, people). */
import { readJson, type RouteContext, type Router, sendJson } from '../http';
import type { BotFrameworkControl } from './control';
import * as schemas from './control-schemas';
import { parseInput } from './control-schemas';
import { waitFor } from './timers';

const query = (url: URL) => Object.fromEntries(url.searchParams);

export function registerControlRoutes(router: Router, control: BotFrameworkControl): void {
  const post = (path: string, fn: (body: unknown) => unknown, status = 200) =>
    router.add('POST', path, async ({ req, res }: RouteContext) => sendJson(res, status, (await fn(await readJson(req))) ?? { ok: true }));
  const get = (path: string, fn: (url: URL) => unknown) =>
    router.add('GET', path, async ({ url, res }: RouteContext) => sendJson(res, 200, await fn(url)));

  get('/_sim/info', (url) => control.info(url.searchParams.get('tenantId') ?? undefined));
  post('/_sim/bots', (body) => control.registerBot(body as never), 201);
  get('/_sim/bots', () => control.bots());
  post('/_sim/activities', (body) => control.send(body as never));
  get('/_sim/conversations', (url) => control.conversations(parseInput(schemas.trafficQuerySchema, query(url)).appId));
  get('/_sim/sent', async (url) => {
    const { count, waitMs, ...filter } = parseInput(schemas.sentQuerySchema, query(url));
    // Long poll: ?count=N&waitMs=T answers as soon as N activities match, or with what there is after T.
    if (count && waitMs) await waitFor(() => control.sent(filter).length >= count, waitMs).catch(() => undefined);
    return control.sent(filter);
  });
  get('/_sim/deliveries', (url) => control.deliveries(parseInput(schemas.trafficQuerySchema, query(url))));
  post('/_sim/fail-next', (body) => control.failNext(body as never));
  post('/_sim/keys/rotate', async (body) => ({ kid: await control.rotateKeys(body as never) }));
  post('/_sim/tokens/expire', (body) => ({ revoked: control.expireTokens(body as never) }));
  post('/_sim/reset', (body) => control.reset(body as never));
}
