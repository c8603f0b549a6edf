/** The JSON control API under /_sim/ (tests, the chat page, benchmarks). Bad input → 400. */
import { readJson, type RouteContext, type Router, sendJson } from '../http';
import { waitFor } from '../messenger/timers';
import type { TelegramControl } from './control';
import * as schemas from './control-schemas';
import { parseInput } from './control-schemas';

const query = (url: URL) => Object.fromEntries(url.searchParams);

export function registerControlRoutes(router: Router, control: TelegramControl, baseUrl: () => string): void {
  const post = (path: string, fn: (body: unknown) => unknown, status = 200) =>
    router.add('POST', path, async ({ req, res }: RouteContext) => sendJson(res, status, (await fn(await readJson(req))) ?? { ok: true }));
  const get = (path: string, fn: (url: URL) => unknown) =>
    router.add('GET', path, async ({ url, res }: RouteContext) => sendJson(res, 200, await fn(url)));

  get('/_sim/info', () => ({ url: baseUrl(), apiBaseUrl: baseUrl(), bots: control.bots().length }));
  post('/_sim/bots', (body) => control.registerBot(body as never), 201);
  get('/_sim/bots', () => control.bots());
  get('/_sim/chats', (url) => control.chats(parseInput(schemas.webhooksQuerySchema.pick({ bot: true }), query(url))));

  post('/_sim/users/send', (body) => control.userSends(body as never));
  post('/_sim/users/edit', (body) => control.userEdits(body as never));
  post('/_sim/users/press', (body) => control.pressButton(body as never));
  post('/_sim/users/block', (body) => control.setBlocked(body as never));
  post('/_sim/chats/migrate', (body) => control.migrateGroup(body as never));
  post('/_sim/fail-next', (body) => control.failNext(body as never));
  post('/_sim/reset', (body) => control.reset(body as never));

  get('/_sim/sent', async (url) => {
    const { count, waitMs, ...filter } = parseInput(schemas.listQuerySchema, query(url));
    // Long poll: ?count=N&waitMs=T answers as soon as N messages match, or with what there is after T.
    if (count && waitMs) await waitFor(() => control.sent(filter).length >= count, waitMs).catch(() => undefined);
    return control.sent(filter);
  });
  get('/_sim/callbacks', (url) => control.callbacks(parseInput(schemas.webhooksQuerySchema.pick({ bot: true }), query(url))));
  get('/_sim/webhooks', (url) => control.webhookLog(parseInput(schemas.webhooksQuerySchema, query(url))));
  get('/_sim/conversation', (url) => {
    const { bot, chatId } = parseInput(schemas.conversationQuerySchema, query(url));
    return control.conversation(chatId, bot);
  });
}
