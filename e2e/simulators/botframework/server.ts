/**
 * startBotFrameworkSimulator: a stateful fake of the Microsoft Bot Framework on one port — the
 * OpenID metadata + JWKS (login.botframework.com), the AAD token endpoint
 * (login.microsoftonline.com), the Connector (smba.trafficmanager.net), signed activities POSTed
 * to the bot's messaging endpoint, a /_sim/ control API and a chat page at /.
 */
import { createServer } from 'node:http';
import { closeServer, listen, Router, sendJson, sendText } from '../http';
import { registerAadRoutes } from './aad-api';
import { chatPageHtml } from './chat-page';
import { registerConnectorRoutes } from './connector-api';
import { createContext } from './context';
import { BotFrameworkControl } from './control';
import { registerControlRoutes } from './control-api';
import { registerMediaRoutes } from './media';
import { registerOpenIdRoutes } from './openid-api';
import { type BotFrameworkSimulatorOptions, resolveOptions } from './options';

export type { BotFrameworkSimulatorOptions } from './options';
export type { ActivityInput } from './control-schemas';
export type { TokenVariant } from './tokens';
export type * from './types';

export interface BotFrameworkSimulator extends BotFrameworkControl {
  /** Base URL, e.g. http://127.0.0.1:4101. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startBotFrameworkSimulator(opts: BotFrameworkSimulatorOptions = {}): Promise<BotFrameworkSimulator> {
  const options = resolveOptions(opts);
  let url = '';
  const ctx = await createContext(options, () => url);
  const control = new BotFrameworkControl(ctx);

  const controlRouter = new Router();
  registerControlRoutes(controlRouter, control);
  registerMediaRoutes(controlRouter);
  const providerRouter = new Router();
  registerOpenIdRoutes(providerRouter, ctx);
  registerAadRoutes(providerRouter, ctx);
  registerConnectorRoutes(providerRouter, ctx);

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/') return sendText(res, 200, chatPageHtml(), 'text/html; charset=utf-8');
    const router = path.startsWith('/_sim/') ? controlRouter : providerRouter;
    if (await router.handle(req, res)) return;
    sendJson(res, 404, router === controlRouter ? { error: `no control route ${req.method} ${path}` } : { error: { code: 'NotFound', message: `No route ${req.method} ${path}` } });
  });
  url = await listen(server, options.port, options.host);

  return Object.assign(control, {
    url,
    async close() {
      for (const controller of ctx.aborts) controller.abort();
      await closeServer(server);
    },
  });
}
