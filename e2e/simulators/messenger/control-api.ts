/** The JSON control API under /_sim/ (Playwright tests, the chat page, benchmarks). */
import { readJson, type RouteContext, type Router, sendJson } from '../http';
import type { MessengerControl } from './control';
import * as schemas from './control-schemas';
import { parseInput } from './control-schemas';
import { waitFor } from './timers';

const query = (url: URL) => Object.fromEntries(url.searchParams);

export function registerControlRoutes(router: Router, control: MessengerControl, baseUrl: () => string): void {
  /** POST route whose JSON body goes to fn; the result is the response body. */
  const post = (path: string, fn: (body: unknown) => unknown, status = 200) =>
    router.add('POST', path, async ({ req, res }: RouteContext) => sendJson(res, status, (await fn(await readJson(req))) ?? { ok: true }));
  const get = (path: string, fn: (url: URL) => unknown) =>
    router.add('GET', path, async ({ url, res }: RouteContext) => sendJson(res, 200, await fn(url)));

  get('/_sim/info', () => ({ url: baseUrl(), apiBaseUrl: baseUrl(), appId: control.appId, pages: control.pages().length }));

  post('/_sim/pages', (body) => control.addPage(body as never), 201);
  get('/_sim/pages', () => control.pages());
  post('/_sim/pages/expire-token', (body) => {
    const p = parseInput(schemas.expireTokenSchema, body);
    control.expireToken(p.pageId, p.expired);
  });
  post('/_sim/receipts', (body) => {
    const { pageId, ...settings } = parseInput(schemas.setReceiptsSchema, body);
    control.setReceipts(pageId, settings);
  });
  post('/_sim/fail-next', (body) => {
    const { pageId, ...spec } = parseInput(schemas.failNextSchema, body);
    control.failNext(pageId, spec);
  });

  post('/_sim/outage', (body) => control.outage(body as never));

  get('/_sim/customers', (url) => control.customers(parseInput(schemas.customersQuerySchema, query(url)).pageId));
  post('/_sim/customers/send', (body) => control.customerSends(body as never));
  post('/_sim/customers/block', (body) => {
    const p = parseInput(schemas.blockSchema, body);
    control.blockCustomer(p.pageId, p.psid, p.blocked);
  });
  post('/_sim/last-inbound', (body) => control.setLastInboundFrom(parseInput(schemas.lastInboundSchema, body)));
  post('/_sim/page-inbox/reply', (body) => control.pageInboxReply(body as never));

  get('/_sim/sent', async (url) => {
    const { count, waitMs, ...filter } = parseInput(schemas.listQuerySchema, query(url));
    // Long poll: ?count=N&waitMs=T answers as soon as N messages match, or with what there is after T.
    if (count && waitMs) await waitFor(() => control.sent(filter).length >= count, waitMs).catch(() => undefined);
    return control.sent(filter);
  });
  get('/_sim/sender-actions', (url) => {
    const { pageId, psid } = parseInput(schemas.listQuerySchema, query(url));
    return control.senderActions({ pageId, psid });
  });
  get('/_sim/webhooks', (url) => control.webhookLog(parseInput(schemas.webhooksQuerySchema, query(url))));
  get('/_sim/conversations', (url) => {
    const { pageId, psid } = parseInput(schemas.conversationQuerySchema, query(url));
    return control.conversation(pageId, psid);
  });
  post('/_sim/reset', (body) => control.reset(parseInput(schemas.resetSchema, body)));
}
