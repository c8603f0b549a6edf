import { z } from 'zod';
import { DEFAULT_TIMEOUT_MS, describeNetworkError, fetchWithTimeout } from '../shared/http';
import type { TelegramConfig } from './config';
import { parseTelegramJson } from './json';

type BotAuth = Pick<TelegramConfig, 'apiBaseUrl' | 'botToken'>;

/** What one Bot API call came back with; never throws, so every caller decides what failure means. */
export type BotApiAnswer =
  | { kind: 'ok'; result: unknown; description?: string }
  | { kind: 'error'; status: number; errorCode: number; description: string; retryAfter?: number; migrateToChatId?: string }
  | { kind: 'unreachable'; reason: string };

const answerSchema = z.looseObject({
  ok: z.boolean(),
  result: z.unknown().optional(),
  description: z.string().optional(),
  error_code: z.number().int().optional(),
  parameters: z.looseObject({ retry_after: z.number().optional(), migrate_to_chat_id: z.string().optional() }).optional(),
});

/** `${apiBaseUrl}/bot<token>/<method>`: the token is part of the path, so this URL is a secret. */
export function botMethodUrl(config: BotAuth, method: string): string {
  return `${config.apiBaseUrl}/bot${config.botToken}/${method}`;
}

/** Removes the bot token from any text that may end up in a log or in front of an agent. */
export function redactToken(text: string, config: BotAuth): string {
  return text.replaceAll(config.botToken, '<bot token>');
}

/** POSTs params as JSON (no parse_mode anywhere: callers send plain text). */
export async function callBotApi(
  fetchImpl: typeof fetch,
  config: BotAuth,
  method: string,
  params: Record<string, unknown>,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<BotApiAnswer> {
  let res: Response;
  let text: string;
  try {
    res = await fetchWithTimeout(fetchImpl, botMethodUrl(config, method), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(params),
    }, timeoutMs);
    text = await res.text();
  } catch (err) {
    return { kind: 'unreachable', reason: redactToken(describeNetworkError(err, timeoutMs), config) };
  }
  let json: unknown;
  try {
    json = parseTelegramJson(text);
  } catch {
    json = undefined; // HTML error pages from proxies: judged by the HTTP status below
  }
  const answer = answerSchema.safeParse(json);
  if (answer.success && answer.data.ok && res.ok) {
    return { kind: 'ok', result: answer.data.result, ...(answer.data.description ? { description: answer.data.description } : {}) };
  }
  const data = answer.success ? answer.data : undefined;
  return {
    kind: 'error',
    status: res.status,
    errorCode: data?.error_code ?? res.status,
    description: data?.description ?? `HTTP ${res.status} without a Bot API answer`,
    ...(data?.parameters?.retry_after !== undefined ? { retryAfter: data.parameters.retry_after } : {}),
    ...(data?.parameters?.migrate_to_chat_id !== undefined ? { migrateToChatId: data.parameters.migrate_to_chat_id } : {}),
  };
}
