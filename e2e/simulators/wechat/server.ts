/**
 * startWeChatSimulator: a stateful fake of the WeChat Official Account platform on one port — the
 * API the app calls (/cgi-bin/…), the pushes WeChat makes to the app's server URL, a /_sim/
 * control API and a chat page at / for a person to play the follower.
 */
import { createServer } from 'node:http';
import { closeServer, listen, Router, sendJson, sendText } from '../http';
import { registerApiRoutes, unknownApiPath } from './api';
import { chatPageHtml } from './chat-page';
import { SimClock } from './clock';
import type { SimContext } from './context';
import { WeChatControl } from './control';
import { registerControlRoutes } from './control-api';
import { registerMediaRoutes } from './media';
import { resolveOptions, type WeChatSimulatorOptions } from './options';
import { Pusher } from './pusher';
import { SimulatorState } from './state';

export type { WeChatSimulatorOptions } from './options';
export type * from './types';
export type { ConversationItem, FailNextInput, FollowerSendInput, RegisterAccountInput, RegisterAccountResult, TrafficFilter } from './control';
export type { FollowerSendResult } from './follower-sends';
export { UNAVAILABLE_NOTICE } from './pusher';

export interface WeChatSimulator extends WeChatControl {
  /** Base URL, e.g. http://127.0.0.1:4567 — the apiBaseUrl for the app's WeChat connector. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startWeChatSimulator(opts: WeChatSimulatorOptions = {}): Promise<WeChatSimulator> {
  const options = resolveOptions(opts);
  const state = new SimulatorState(options.maxLogEntries);
  const clock = new SimClock();
  let url = '';
  const ctx: SimContext = { options, state, clock, pusher: new Pusher({ options, clock, state }), baseUrl: () => url };
  const control = new WeChatControl(ctx);

  const controlRouter = new Router();
  registerControlRoutes(controlRouter, control, () => url);
  registerMediaRoutes(controlRouter);
  const apiRouter = new Router();
  registerApiRoutes(apiRouter, ctx);

  const server = createServer(async (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method === 'GET' && path === '/') return sendText(res, 200, chatPageHtml(), 'text/html; charset=utf-8');
    const router = path.startsWith('/_sim/') ? controlRouter : apiRouter;
    if (await router.handle(req, res)) return;
    if (router === controlRouter) return sendJson(res, 404, { error: `no control route ${req.method} ${path}` });
    sendJson(res, 200, unknownApiPath(options.errmsgHints)); // the platform answers 200 + errcode even here
  });
  url = await listen(server, options.port, options.host);

  return Object.assign(control, {
    url,
    async close() {
      ctx.pusher.cancelPending();
      await closeServer(server);
    },
  });
}
