/** POST /v1/configs/webhook (360dialog): stores the URL and the headers sent with every webhook. */
import { HttpError } from '../http';
import type { SimulatorContext } from './context';
import type { Account } from './types';

const refuse = (developer_message: string) => new HttpError(400, { meta: { success: false, http_code: 400, developer_message } });

export function setD360Webhook(ctx: SimulatorContext, account: Account, body: unknown): { url: string } {
  const input = body as { url?: unknown; headers?: unknown } | null;
  if (typeof input?.url !== 'string') throw refuse('url is required');
  let url: URL;
  try {
    url = new URL(input.url);
  } catch {
    throw refuse('url must be a valid URL');
  }
  if (!/^https?:$/.test(url.protocol)) throw refuse('url must be http(s)');
  if (ctx.options.strict360WebhookUrls && (url.port || url.hostname.includes('_'))) {
    throw refuse('Webhook URL must not contain a port or "_" in the host');
  }
  const headers = input.headers ?? {};
  if (typeof headers !== 'object' || Array.isArray(headers) || Object.values(headers).some((v) => typeof v !== 'string')) {
    throw refuse('headers must be an object of strings');
  }
  account.webhookUrl = input.url;
  account.webhookHeaders = headers as Record<string, string>;
  return { url: input.url };
}
