/** getMe, setWebhook, deleteWebhook, getWebhookInfo and getUpdates (PROTOCOLS.md 5a). */
import { BotApiError, tgErrors } from './bot-errors';
import type { SimulatorContext } from './context';
import { optionalInt, optionalString, type Params } from './params';
import type { Bot } from './types';
import { botUserJson } from './wire';

export interface MethodResult {
  result: unknown;
  description?: string;
}

const PORTS = new Set([443, 80, 88, 8443]);
const SECRET_TOKEN = /^[A-Za-z0-9_-]{1,256}$/;
const badWebhook = (why: string) => tgErrors.badRequest(`bad webhook: ${why}`);

export function getMe(bot: Bot): MethodResult {
  return { result: { ...botUserJson(bot), can_join_groups: true, can_read_all_group_messages: false, supports_inline_queries: false, can_connect_to_business: false, has_main_web_app: false } };
}

function webhookUrl(ctx: SimulatorContext, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw badWebhook('Failed to resolve host: Name or service not known');
  }
  if (ctx.options.allowHttpWebhooks) {
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw badWebhook('An HTTPS URL must be provided for webhook');
    return url.toString();
  }
  if (url.protocol !== 'https:') throw badWebhook('An HTTPS URL must be provided for webhook');
  if (!PORTS.has(url.port === '' ? 443 : Number(url.port))) throw badWebhook('Webhook can be set up only on ports 80, 88, 443 or 8443');
  return url.toString();
}

function allowedUpdates(params: Params): string[] | undefined {
  const value = params.allowed_updates;
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw tgErrors.badRequest('allowed_updates must be an array of strings');
  return value;
}

const flag = (params: Params, name: string) => params[name] === true || params[name] === 'true';

export function setWebhook(ctx: SimulatorContext, bot: Bot, params: Params): MethodResult {
  const raw = optionalString(params, 'url') ?? '';
  if (raw === '') return deleteWebhook(bot, params);
  const url = webhookUrl(ctx, raw);
  const secretToken = optionalString(params, 'secret_token');
  if (secretToken !== undefined && !SECRET_TOKEN.test(secretToken)) throw tgErrors.badRequest('secret token contains unallowed characters');
  const maxConnections = optionalInt(params, 'max_connections') ?? 40;
  if (maxConnections < 1 || maxConnections > 100) throw tgErrors.badRequest('bad webhook: max_connections must be between 1 and 100');
  const allowed = allowedUpdates(params);
  if (flag(params, 'drop_pending_updates')) bot.pending = [];
  const same = bot.webhook?.url === url && bot.webhook.secretToken === secretToken && bot.webhook.maxConnections === maxConnections;
  bot.webhook = { url, ...(secretToken ? { secretToken } : {}), maxConnections, setAt: Date.now() };
  if (allowed !== undefined) bot.allowedUpdates = allowed;
  ctx.delivery.pump(bot);
  return { result: true, description: same ? 'Webhook is already set' : 'Webhook was set' };
}

export function deleteWebhook(bot: Bot, params: Params): MethodResult {
  const had = bot.webhook !== null;
  bot.webhook = null;
  if (flag(params, 'drop_pending_updates')) bot.pending = [];
  return { result: true, description: had ? 'Webhook was deleted' : 'Webhook is already deleted' };
}

export function getWebhookInfo(bot: Bot): MethodResult {
  const w = bot.webhook;
  return {
    result: {
      url: w?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: bot.pending.length,
      ...(w ? { max_connections: w.maxConnections } : {}),
      ...(w && bot.allowedUpdates ? { allowed_updates: bot.allowedUpdates } : {}),
      ...(bot.lastErrorDate ? { last_error_date: bot.lastErrorDate, last_error_message: bot.lastErrorMessage } : {}),
    },
  };
}

/** Long polling, the alternative to webhooks: refused with 409 while a webhook is set. */
export function getUpdates(bot: Bot, params: Params): MethodResult {
  if (bot.webhook) throw tgErrors.webhookActive();
  const offset = optionalInt(params, 'offset');
  const limit = optionalInt(params, 'limit') ?? 100;
  if (limit < 1 || limit > 100) throw new BotApiError(400, 'Bad Request: invalid limit specified');
  const allowed = allowedUpdates(params);
  if (allowed !== undefined) bot.allowedUpdates = allowed;
  // An offset confirms every update before it; a negative one keeps only the last -offset.
  if (offset !== undefined && offset >= 0) bot.pending = bot.pending.filter((u) => u.updateId >= offset);
  if (offset !== undefined && offset < 0) bot.pending = bot.pending.slice(offset);
  return { result: bot.pending.slice(0, limit).map((u) => JSON.parse(u.body)) };
}
