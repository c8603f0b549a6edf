/**
 * startTelegramSimulator: a stateful fake of Telegram on one port — the Bot API the app calls
 * (/bot<token>/<method>, /file/bot<token>/<path>), webhooks like Telegram sends them, a /_sim/
 * control API and a chat page at /.
 */
import { createServer } from 'node:http';
import { closeServer, listen, Router, sendJson, sendText } from '../http';
import { handleBotApi } from './bot-api';
import { chatPageHtml } from './chat-page';
import { createContext } from './context';
import { TelegramControl } from './control';
import { registerControlRoutes } from './control-api';
import { resolveOptions, type TelegramSimulatorOptions } from './options';

export type { TelegramSimulatorOptions } from './options';
export type { BotView, ChatView, ConversationItem } from './control';
export type { UserSendResult } from './user-messages';
export type * from './types';

export interface TelegramSimulator extends TelegramControl {
  /** Base URL, e.g. http://127.0.0.1:4567 — the apiBaseUrl for the app's Telegram connector. */
  readonly url: string;
  close(): Promise<void>;
}

export async function startTelegramSimulator(opts: TelegramSimulatorOptions = {}): Promise<TelegramSimulator> {
  const ctx = createContext(resolveOptions(opts));
  const control = new TelegramControl(ctx);
  let url = '';
  const controlRouter = new Router();
  registerControlRoutes(controlRouter, control, () => url);

  const server = createServer(async (req, res) => {
    const parsed = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (req.method === 'GET' && parsed.pathname === '/') return sendText(res, 200, chatPageHtml(), 'text/html; charset=utf-8');
      if (parsed.pathname.startsWith('/_sim/')) {
        if (!(await controlRouter.handle(req, res))) sendJson(res, 404, { error: `no control route ${req.method} ${parsed.pathname}` });
        return;
      }
      if (await handleBotApi(ctx, req, res, parsed)) return;
      sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
    } catch (err) {
      if (!res.headersSent) sendJson(res, 500, { ok: false, error_code: 500, description: `Internal Server Error: ${err instanceof Error ? err.message : err}` });
    }
  });
  url = await listen(server, ctx.options.port, ctx.options.host);

  return Object.assign(control, {
    url,
    async close() {
      ctx.delivery.cancel();
      await closeServer(server);
    },
  });
}
