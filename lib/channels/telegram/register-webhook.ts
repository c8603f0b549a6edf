import type { ConnectorDeps, TestConnectionResult } from '../types';
import { callBotApi } from './bot-api';
import type { TelegramConfig } from './config';

/** The updates Switchboard handles; Telegram drops the rest before they reach us. */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;
/** Telegram delivers webhooks to these ports only (PROTOCOLS.md 5a). */
export const WEBHOOK_PORTS = [443, 80, 88, 8443] as const;
export const MAX_CONNECTIONS = 40;

/** What Telegram would refuse about this URL, in words for the admin; null when it is fine. */
export function webhookUrlProblem(webhookUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(webhookUrl);
  } catch {
    return `The webhook URL "${webhookUrl}" is not a valid URL`;
  }
  if (url.protocol !== 'https:') {
    return `Telegram only delivers webhooks over HTTPS, and ${url.origin} is ${url.protocol.slice(0, -1)}: serve Switchboard over HTTPS (e.g. behind a reverse proxy with a certificate) and set its public URL`;
  }
  const port = url.port === '' ? 443 : Number(url.port);
  if (!(WEBHOOK_PORTS as readonly number[]).includes(port)) {
    return `Telegram only delivers webhooks to ports 443, 80, 88 or 8443, and ${url.origin} uses port ${port}: expose Switchboard on one of them`;
  }
  return null;
}

/** The setWebhook parameters, also used by the simulator CLI so both register identically. */
export function setWebhookParams(config: Pick<TelegramConfig, 'secretToken'>, webhookUrl: string): Record<string, unknown> {
  return { url: webhookUrl, secret_token: config.secretToken, allowed_updates: [...ALLOWED_UPDATES], max_connections: MAX_CONNECTIONS };
}

/**
 * setWebhook with our secret token. There is no handshake on Telegram: this call is the whole
 * setup, so the wizard runs it instead of asking the admin to paste anything. Never throws.
 */
export async function registerTelegramWebhook(config: TelegramConfig, webhookUrl: string, deps: ConnectorDeps): Promise<TestConnectionResult> {
  const problem = webhookUrlProblem(webhookUrl);
  if (problem) return { ok: false, message: problem };
  const answer = await callBotApi(deps.fetch, config, 'setWebhook', setWebhookParams(config, webhookUrl));
  if (answer.kind === 'unreachable') {
    return { ok: false, message: `Could not reach ${new URL(config.apiBaseUrl).host}: ${answer.reason}` };
  }
  if (answer.kind === 'error') {
    if (answer.errorCode === 401) return { ok: false, message: 'The bot token was revoked or is wrong: paste the current token from @BotFather' };
    return { ok: false, message: `Telegram refused the webhook: ${answer.description}`, details: { errorCode: String(answer.errorCode) } };
  }
  return {
    ok: true,
    message: `Telegram will deliver updates to ${webhookUrl}`,
    details: { telegram: answer.description ?? 'Webhook was set', allowedUpdates: ALLOWED_UPDATES.join(',') },
  };
}
