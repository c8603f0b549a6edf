/**
 * startMessengerSimulator: a stateful fake of Facebook Messenger on one port —
 * the Graph API the app calls, the webhooks Meta sends, a /_sim/ control API and a chat page at /.
 */
import { createServer } from 'node:http';
import { closeServer, listen, Router, sendJson, sendText } from '../http';
import { chatPageHtml } from './chat-page';
import { createContext } from './context';
import { MessengerControl } from './control';
import { registerControlRoutes } from './control-api';
import { registerGraphRoutes } from './graph-api';
import { graphErrors } from './graph-errors';
import { registerMediaRoutes } from './media';
import { type MessengerSimulatorOptions, resolveOptions } from './options';

export type { MessengerSimulatorOptions, ReceiptSettings } from './options';
export type { AddPageInput, AddPageResult, TrafficFilter } from './control';
export type { CustomerSendInput, CustomerSendResult } from './customer-sends';
export type * from './types';

export interface MessengerSimulator extends MessengerControl {
  /** Base URL, e.g. http://127.0.0.1:4567 — the apiBaseUrl for the app's Messenger connector. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startMessengerSimulator(opts: MessengerSimulatorOptions = {}): Promise<MessengerSimulator> {
  const options = resolveOptions(opts);
  const ctx = createContext(options);
  const control = new MessengerControl(ctx);
  let url = '';

  const controlRouter = new Router();
  registerControlRoutes(controlRouter, control, () => url);
  registerMediaRoutes(controlRouter);
  const graphRouter = new Router();
  registerGraphRoutes(graphRouter, ctx);

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/') return sendText(res, 200, chatPageHtml(), 'text/html; charset=utf-8');
    // /_sim/ paths never fall through to Graph's catch-all '/:version/:node'.
    const router = path.startsWith('/_sim/') ? controlRouter : graphRouter;
    if (await router.handle(req, res)) return;
    if (router === controlRouter) return sendJson(res, 404, { error: `no control route ${req.method} ${path}` });
    const unknown = graphErrors.unknownPath(path);
    sendJson(res, unknown.spec.httpStatus, unknown.body());
  });
  url = await listen(server, options.port, options.host);

  return Object.assign(control, {
    url,
    async close() {
      ctx.timers.clear();
      ctx.sender.close();
      await closeServer(server);
    },
  });
}
