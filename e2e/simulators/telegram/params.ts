/**
 * Method parameters the way the Bot API reads them: query string, JSON body or urlencoded form
 * (objects then arrive as JSON text). Multipart uploads are not simulated: send files by URL.
 */
import type { IncomingMessage } from 'node:http';
import { readBody } from '../http';
import { BotApiError, tgErrors } from './bot-errors';

/** Parameters whose value is an object or array, JSON-encoded in query strings and forms. */
const JSON_PARAMS = new Set(['reply_parameters', 'reply_markup', 'allowed_updates', 'entities', 'caption_entities', 'link_preview_options']);

export type Params = Record<string, unknown>;

export async function readParams(req: IncomingMessage, url: URL): Promise<Params> {
  const params: Params = Object.fromEntries(url.searchParams);
  const raw = await readBody(req, 10_000_000);
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  if (raw.length > 0 && type.includes('multipart/form-data')) {
    throw new BotApiError(400, 'Bad Request: the simulator does not accept multipart uploads; send files by HTTP URL or file_id');
  }
  if (raw.length > 0 && type.includes('application/json')) {
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8'));
    } catch {
      throw tgErrors.badRequest("can't parse JSON object");
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw tgErrors.badRequest('JSON object expected');
    Object.assign(params, body);
  } else if (raw.length > 0) {
    Object.assign(params, Object.fromEntries(new URLSearchParams(raw.toString('utf8'))));
  }
  for (const name of JSON_PARAMS) {
    if (typeof params[name] !== 'string') continue;
    try {
      params[name] = JSON.parse(params[name] as string);
    } catch {
      throw tgErrors.badRequest(`can't parse ${name} JSON object`);
    }
  }
  return params;
}

export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : String(value);
}

export function optionalInt(params: Params, name: string): number | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw tgErrors.badRequest(`invalid ${name} specified`);
  return n;
}

/** chat_id is "Integer or String": numeric strings are ids; @usernames are not simulated. */
export function chatIdParam(params: Params): number {
  const value = params.chat_id;
  if (value === undefined || value === null || value === '') throw tgErrors.badRequest('chat_id is empty');
  const text = String(value).trim();
  if (!/^-?\d+$/.test(text)) throw tgErrors.badRequest('chat not found');
  return Number(text);
}
