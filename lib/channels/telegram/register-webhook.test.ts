import { describe, expect, it } from 'vitest';
import { testDeps } from '../shared/memory-cache';
import { telegramConfigSchema } from './config';
import { fakeBotApi, tgError, tgOk, TOKEN } from './fake-bot-api';
import { registerTelegramWebhook, webhookUrlProblem } from './register-webhook';

const config = telegramConfigSchema.parse({ botToken: TOKEN, secretToken: 'sb_secret-123', apiBaseUrl: 'https://tg.test' });
const URL_OK = 'https://support.acme.example/api/webhooks/telegram/inbox_1';

describe('webhookUrlProblem (what Telegram would refuse)', () => {
  it('accepts https on 443, 80, 88 and 8443', () => {
    for (const url of [URL_OK, 'https://acme.example:443/x', 'https://acme.example:80/x', 'https://acme.example:88/x', 'https://acme.example:8443/x']) {
      expect(webhookUrlProblem(url), url).toBeNull();
    }
  });

  it('explains http, other ports and invalid URLs in words', () => {
    expect(webhookUrlProblem('http://localhost:3000/api/webhooks/telegram/x')).toMatch(/only delivers webhooks over HTTPS, and http:\/\/localhost:3000 is http/);
    expect(webhookUrlProblem('https://acme.example:3000/x')).toMatch(/ports 443, 80, 88 or 8443, and https:\/\/acme.example:3000 uses port 3000/);
    expect(webhookUrlProblem('not a url')).toMatch(/is not a valid URL/);
  });
});

describe('registerTelegramWebhook', () => {
  it('POSTs setWebhook with url, secret_token, allowed_updates and max_connections', async () => {
    const api = fakeBotApi(() => tgOk(true, 'Webhook was set'));
    const result = await registerTelegramWebhook(config, URL_OK, testDeps({ fetch: api.fetch }));
    expect(result).toMatchObject({ ok: true, message: `Telegram will deliver updates to ${URL_OK}`, details: { telegram: 'Webhook was set' } });
    expect(api.calls).toHaveLength(1);
    expect(api.calls[0].url.toString()).toBe(`https://tg.test/bot${TOKEN}/setWebhook`);
    expect(api.calls[0].body).toEqual({
      url: URL_OK, secret_token: 'sb_secret-123',
      allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'], max_connections: 40,
    });
  });

  it('validates the URL before calling Telegram', async () => {
    const api = fakeBotApi(() => tgOk(true));
    const result = await registerTelegramWebhook(config, 'http://localhost:3000/api/webhooks/telegram/x', testDeps({ fetch: api.fetch }));
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/HTTPS/) });
    expect(api.calls).toHaveLength(0);
  });

  it('reports Telegram’s description, the token problem, or the network failure', async () => {
    const refuse = (r: () => Response | Promise<Response>) => registerTelegramWebhook(config, URL_OK, testDeps({ fetch: fakeBotApi(r).fetch }));
    expect(await refuse(() => tgError(400, 'Bad Request: bad webhook: Failed to resolve host: Name or service not known')))
      .toEqual({ ok: false, message: 'Telegram refused the webhook: Bad Request: bad webhook: Failed to resolve host: Name or service not known', details: { errorCode: '400' } });
    expect(await refuse(() => tgError(401, 'Unauthorized'))).toMatchObject({ ok: false, message: expect.stringMatching(/bot token was revoked or is wrong/) });
    const down = await refuse(() => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND tg.test') })));
    expect(down).toEqual({ ok: false, message: 'Could not reach tg.test: the host name could not be resolved' });
  });
});
