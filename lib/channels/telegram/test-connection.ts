import { z } from 'zod';
import type { TestConnectionResult } from '../types';
import { callBotApi } from './bot-api';
import type { TelegramConfig } from './config';

const meSchema = z.looseObject({ id: z.string(), username: z.string().optional(), first_name: z.string().optional() });

/** getMe: proves the token works and names the bot it belongs to. Never throws. */
export async function testTelegramConnection(config: TelegramConfig, fetchImpl: typeof fetch): Promise<TestConnectionResult> {
  const host = new URL(config.apiBaseUrl).host;
  const answer = await callBotApi(fetchImpl, config, 'getMe', {});
  if (answer.kind === 'unreachable') return { ok: false, message: `Could not reach ${host}: ${answer.reason}` };
  if (answer.kind === 'error') {
    if (answer.errorCode === 401) {
      return { ok: false, message: 'The bot token was revoked or is wrong: open @BotFather → /mybots → your bot → API Token and paste the current one' };
    }
    if (answer.errorCode === 404) {
      return { ok: false, message: `${host} answered 404 Not Found: the API base URL is wrong, or the bot token is malformed` };
    }
    return { ok: false, message: `Telegram refused the check (error ${answer.errorCode}): ${answer.description}` };
  }
  const me = meSchema.safeParse(answer.result);
  if (!me.success) return { ok: false, message: `Unexpected answer from ${host}; is the API base URL right?` };
  const username = me.data.username ?? me.data.first_name ?? me.data.id;
  return { ok: true, message: `Connected to @${username}`, details: { botId: me.data.id, username } };
}
