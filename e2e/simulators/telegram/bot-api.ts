/**
 * The Bot API the connector calls: /bot<token>/<method> (GET or POST, method names in any case)
 * and file downloads at /file/bot<token>/<file_path>. Answers {ok:true,result} or Telegram's
 * error shape; error_code is also the HTTP status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, sendJson, sendText } from '../http';
import { BotApiError, DEFAULT_DESCRIPTIONS, tgErrors } from './bot-errors';
import type { SimulatorContext } from './context';
import { answerCallbackQuery, getFile } from './misc-methods';
import { readParams, type Params } from './params';
import { SEND_METHODS, sendChatAction, sendMedia, sendMessage } from './send-methods';
import type { Bot, FailureSpec } from './types';
import { deleteWebhook, getMe, getUpdates, getWebhookInfo, type MethodResult, setWebhook } from './webhook-methods';

type Method = (ctx: SimulatorContext, bot: Bot, params: Params, name: string) => MethodResult;

const METHODS: Record<string, Method> = {
  getme: (_ctx, bot) => getMe(bot),
  setwebhook: (ctx, bot, p) => setWebhook(ctx, bot, p),
  deletewebhook: (_ctx, bot, p) => deleteWebhook(bot, p),
  getwebhookinfo: (_ctx, bot) => getWebhookInfo(bot),
  getupdates: (_ctx, bot, p) => getUpdates(bot, p),
  sendmessage: (ctx, bot, p) => sendMessage(ctx, bot, p),
  sendchataction: (ctx, bot, p) => sendChatAction(ctx, bot, p),
  answercallbackquery: (ctx, bot, p) => answerCallbackQuery(ctx, bot, p),
  getfile: (ctx, bot, p) => getFile(ctx, bot, p),
};

const API_PATH = /^\/bot([^/]*)\/([A-Za-z]+)$/;
const FILE_PATH = /^\/file\/bot([^/]*)\/(.+)$/;

/** Handles Bot API and file paths; returns false for anything else. */
export async function handleBotApi(ctx: SimulatorContext, req: IncomingMessage, res: ServerResponse, url: URL): Promise<boolean> {
  const file = FILE_PATH.exec(url.pathname);
  if (file && req.method === 'GET') return serveFile(ctx, res, decodeURIComponent(file[1]), decodeURIComponent(file[2]));
  const api = API_PATH.exec(url.pathname);
  if (!api) return false;
  try {
    const bot = ctx.state.botByToken(decodeURIComponent(api[1]));
    if (!bot) throw tgErrors.unauthorized();
    const name = api[2].toLowerCase();
    const method = METHODS[name] ?? (SEND_METHODS.has(name) ? (c: SimulatorContext, b: Bot, p: Params, called: string) => sendMedia(c, b, called, p) : undefined);
    if (!method) throw tgErrors.notFound();
    const params = await readParams(req, url);
    await injectedFailure(ctx.state.takeFailure(bot.id, name, SEND_METHODS.has(name)));
    const { result, description } = method(ctx, bot, params, api[2]);
    sendJson(res, 200, { ok: true, result, ...(description ? { description } : {}) });
  } catch (err) {
    if (err instanceof HttpError) sendJson(res, err.status, err.body, err.headers);
    else if (err instanceof BotApiError) sendJson(res, err.errorCode, err.body());
    else throw err;
  }
  return true;
}

/** failNext: an optional delay (to make the app time out), then exactly the error asked for. */
async function injectedFailure(failure: FailureSpec | undefined): Promise<void> {
  if (!failure) return;
  if (failure.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
  if (failure.errorCode === undefined) return;
  const parameters = failure.parameters ?? (failure.errorCode === 429 ? { retry_after: 5 } : undefined);
  const description = failure.description
    ?? (failure.errorCode === 429 && parameters?.retry_after !== undefined ? `Too Many Requests: retry after ${parameters.retry_after}` : undefined)
    ?? DEFAULT_DESCRIPTIONS[failure.errorCode] ?? `Simulated error ${failure.errorCode}`;
  throw new BotApiError(failure.errorCode, description, parameters);
}

function serveFile(ctx: SimulatorContext, res: ServerResponse, token: string, filePath: string): true {
  const bot = ctx.state.botByToken(token);
  const file = bot && ctx.files.byPath(bot.id, filePath);
  if (!bot) sendJson(res, 401, tgErrors.unauthorized().body());
  else if (!file?.bytes) sendJson(res, 404, tgErrors.notFound().body());
  else sendText(res, 200, file.bytes, file.mimeType ?? 'application/octet-stream');
  return true;
}
