import { describe, expect, it } from 'vitest';
import { telegramConfigSchema } from './config';
import { fakeBotApi, tgError, tgOk, TOKEN } from './fake-bot-api';
import { testTelegramConnection } from './test-connection';

const config = telegramConfigSchema.parse({ botToken: TOKEN, secretToken: 's', apiBaseUrl: 'https://tg.test' });
const check = (respond: () => Response | Promise<Response>) => {
  const api = fakeBotApi(respond);
  return testTelegramConnection(config, api.fetch).then((result) => ({ result, calls: api.calls }));
};

describe('testTelegramConnection (getMe)', () => {
  it('names the bot', async () => {
    const { result, calls } = await check(() => new Response('{"ok":true,"result":{"id":6101234567,"is_bot":true,"first_name":"Acme Support","username":"acme_support_bot"}}'));
    expect(result).toEqual({ ok: true, message: 'Connected to @acme_support_bot', details: { botId: '6101234567', username: 'acme_support_bot' } });
    expect(calls[0].url.toString()).toBe(`https://tg.test/bot${TOKEN}/getMe`);
  });

  it('explains a revoked token, a wrong base URL, other errors and network failures', async () => {
    expect((await check(() => tgError(401, 'Unauthorized'))).result).toMatchObject({ ok: false, message: expect.stringMatching(/^The bot token was revoked or is wrong: open @BotFather/) });
    expect((await check(() => tgError(404, 'Not Found'))).result.message).toMatch(/404 Not Found: the API base URL is wrong/);
    expect((await check(() => tgError(500, 'Internal Server Error'))).result.message).toBe('Telegram refused the check (error 500): Internal Server Error');
    expect((await check(() => tgOk({ nope: 1 }))).result).toMatchObject({ ok: false, message: expect.stringMatching(/Unexpected answer from tg.test/) });
    const down = await check(() => Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:443') })));
    expect(down.result).toEqual({ ok: false, message: 'Could not reach tg.test: the connection was refused' });
  });
});
