/** The JSON control API under /_sim/ (tests, the chat page, people trying Switchboard). */
import { readJson, type RouteContext, type Router, sendJson } from '../http';
import type { WhatsAppControl } from './control';
import * as schemas from './control-schemas';
import { parseInput } from './control-schemas';
import { waitFor } from '../messenger/timers';

const query = (url: URL) => Object.fromEntries(url.searchParams);

export function registerControlRoutes(router: Router, control: WhatsAppControl, baseUrl: () => string): void {
  const post = (path: string, fn: (body: unknown) => unknown, status = 200) =>
    router.add('POST', path, async ({ req, res }: RouteContext) => sendJson(res, status, (await fn(await readJson(req))) ?? { ok: true }));
  const get = (path: string, fn: (url: URL) => unknown) =>
    router.add('GET', path, async ({ url, res }: RouteContext) => sendJson(res, 200, await fn(url)));

  get('/_sim/info', () => ({ url: baseUrl(), apiBaseUrl: baseUrl(), numbers: control.accounts().length }));
  post('/_sim/accounts', (body) => control.registerAccount(body as never), 201);
  get('/_sim/accounts', () => control.accounts());
  post('/_sim/accounts/expire-token', (body) => {
    const p = parseInput(schemas.expireTokenSchema, body);
    control.expireToken(p.phoneNumberId, p.expired);
  });
  post('/_sim/status-scenario', (body) => {
    const p = parseInput(schemas.statusScenarioSchema, body);
    control.setStatusScenario(p.scenario, p.phoneNumberId);
  });
  post('/_sim/fail-next', (body) => {
    const { phoneNumberId, ...spec } = parseInput(schemas.failNextSchema, body);
    control.failNext(phoneNumberId, spec);
  });

  get('/_sim/customers', (url) => control.customers(parseInput(schemas.customersQuerySchema, query(url)).phoneNumberId));
  post('/_sim/customers/send', (body) => control.customerSends(body as never));
  post('/_sim/customers/state', (body) => control.setCustomer(body as never));
  get('/_sim/conversations', (url) => {
    const p = parseInput(schemas.conversationQuerySchema, query(url));
    return control.conversation(p.phoneNumberId, p.customer);
  });

  get('/_sim/sent', async (url) => {
    const { count, waitMs, ...filter } = parseInput(schemas.sentQuerySchema, query(url));
    // Long poll: ?count=N&waitMs=T answers as soon as N messages match, or with what there is after T.
    if (count && waitMs) await waitFor(() => control.sent(filter).length >= count, waitMs).catch(() => undefined);
    return control.sent(filter);
  });
  get('/_sim/webhooks', (url) => control.webhookLog(parseInput(schemas.webhooksQuerySchema, query(url))));
  post('/_sim/webhooks/redeliver', (body) => control.redeliver(parseInput(schemas.redeliverSchema, body).deliveryId));
  post('/_sim/reset', (body) => control.reset(parseInput(schemas.resetSchema, body)));
}
