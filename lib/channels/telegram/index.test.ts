import { describe, expect, it } from 'vitest';
import { testDeps } from '../shared/memory-cache';
import type { WebhookRequest } from '../types';
import { TOKEN } from './fake-bot-api';
import { telegramConnector } from './index';

const config = telegramConnector.configSchema.parse({ botToken: TOKEN, secretToken: 'sb_secret-123' });
const BODY = '{"update_id":141921690,"message":{"message_id":666,"from":{"id":427770117,"is_bot":false,"first_name":"Ana"},"chat":{"id":427770117,"first_name":"Ana","type":"private"},"date":1499402829,"text":"Hi \\ud83d\\udc4b /start"}}';

function request(headers: Record<string, string> = {}, method = 'POST', body = BODY): WebhookRequest {
  return { method, url: new URL('https://switchboard.test/api/webhooks/telegram/inbox_1'), headers: new Headers(headers), rawBody: Buffer.from(body) };
}

describe('telegramConnector.verify (X-Telegram-Bot-Api-Secret-Token)', () => {
  it('accepts the configured secret token, header name in any case', async () => {
    expect(await telegramConnector.verify(request({ 'X-Telegram-Bot-Api-Secret-Token': 'sb_secret-123' }), config, testDeps())).toEqual({ ok: true });
    expect(await telegramConnector.verify(request({ 'x-telegram-bot-api-secret-token': 'sb_secret-123' }), config, testDeps())).toEqual({ ok: true });
  });

  it('401 when the header is missing, 403 when it is wrong, truncated, longer or differently cased', async () => {
    expect(await telegramConnector.verify(request(), config, testDeps())).toMatchObject({ ok: false, status: 401 });
    for (const wrong of ['nope', 'sb_secret-12', 'sb_secret-1234', 'SB_SECRET-123', '', ' sb_secret-123x']) {
      expect(await telegramConnector.verify(request({ 'x-telegram-bot-api-secret-token': wrong }), config, testDeps()), wrong).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('does not accept the bot token in place of the secret token', async () => {
    expect((await telegramConnector.verify(request({ 'x-telegram-bot-api-secret-token': TOKEN }), config, testDeps())).ok).toBe(false);
  });
});

describe('telegramConnector description', () => {
  it('has no GET handshake, acks with an empty 200 and declares its fields', () => {
    expect(telegramConnector.handshake(request({}, 'GET', ''), config)).toBeNull();
    expect(telegramConnector.ack(request(), config)).toEqual({ status: 200, body: '' });
    expect(telegramConnector.key).toBe('telegram');
    expect(telegramConnector.capabilities).toEqual({ media: true, templates: false, receipts: false, typing: false });
    expect(telegramConnector.secretFields).toEqual(['botToken', 'secretToken']);
    expect(telegramConnector.publicSetupFields).toEqual([]);
    for (const hook of ['afterIngest', 'fetchMedia', 'registerWebhook'] as const) expect(typeof telegramConnector[hook]).toBe('function');
  });

  it('window is always open and never closes', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    for (const last of [null, new Date('2020-01-01T00:00:00Z')]) {
      expect(telegramConnector.window(last, now, config)).toEqual({ open: true, closesAt: null, allowedWhenClosed: [] });
    }
  });

  it('parses the raw bytes (escaped surrogates decode to the emoji)', () => {
    expect(telegramConnector.parse(request(), config)).toEqual([expect.objectContaining({ type: 'message', externalId: '427770117:666', text: 'Hi 👋 /start' })]);
  });
});
