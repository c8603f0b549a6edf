/**
 * startWhatsAppSimulator: a stateful fake of WhatsApp on one port, acting as Meta's Cloud API and as
 * 360dialog (the mode is per registered number): the APIs the app calls, the webhooks they send,
 * a /_sim/ control API and a chat page at /.
 */
import { createServer } from 'node:http';
import { closeServer, listen, Router, sendJson, sendText } from '../http';
import { registerApiRoutes } from './api-routes';
import { chatPageHtml } from './chat-page';
import { createContext } from './context';
import { WhatsAppControl } from './control';
import { registerControlRoutes } from './control-api';
import { resolveOptions, type WhatsAppSimulatorOptions } from './options';
import { waErrors } from './wa-errors';

export type { StatusScenario, WhatsAppSimulatorOptions } from './options';
export { compressedRetrySchedule, META_RETRY_SCHEDULE_MS } from './options';
export type { ConversationItem, CustomerStateInput, RegisterAccountInput, RegisterAccountResult } from './control';
export type { CustomerMessageInput, CustomerSendInput, CustomerSendResult } from './customer-sends';
export type * from './types';

export interface WhatsAppSimulator extends WhatsAppControl {
  /** Base URL, e.g. http://127.0.0.1:4567: apiBaseUrl for both the `whatsapp` and `whatsapp360` connectors. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startWhatsAppSimulator(opts: WhatsAppSimulatorOptions = {}): Promise<WhatsAppSimulator> {
  const options = resolveOptions(opts);
  const ctx = createContext(options);
  const control = new WhatsAppControl(ctx);
  let url = '';

  const controlRouter = new Router();
  registerControlRoutes(controlRouter, control, () => url);
  const apiRouter = new Router();
  registerApiRoutes(apiRouter, ctx);

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/') return sendText(res, 200, chatPageHtml(), 'text/html; charset=utf-8');
    // /_sim/ never falls through to the provider APIs' catch-all routes.
    const router = path.startsWith('/_sim/') ? controlRouter : apiRouter;
    if (await router.handle(req, res)) return;
    if (router === controlRouter) return sendJson(res, 404, { error: `no control route ${req.method} ${path}` });
    const unknown = waErrors.unknownPath(path);
    sendJson(res, unknown.httpStatus, unknown.body());
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
