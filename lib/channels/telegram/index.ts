import type { Connector } from '../types';
import { constantTimeEqual } from '../shared/hmac';
import { answerCallbackQueries } from './after-ingest';
import { telegramConfigSchema, telegramPublicSetupFields, telegramSecretFields, type TelegramConfig } from './config';
import { fetchTelegramMedia } from './fetch-media';
import { parseTelegramUpdate } from './parse';
import { registerTelegramWebhook } from './register-webhook';
import { sendTelegramMessage } from './send';
import { testTelegramConnection } from './test-connection';
import { telegramWindow } from './window';

export type { TelegramConfig } from './config';

export const SECRET_TOKEN_HEADER = 'X-Telegram-Bot-Api-Secret-Token';

export const telegramConnector: Connector<TelegramConfig> = {
  key: 'telegram',
  displayName: 'Telegram',
  // No receipts: the Bot API has no delivery or read receipts for bots (PROTOCOLS.md 5c).
  capabilities: { media: true, templates: false, receipts: false, typing: false },
  configSchema: telegramConfigSchema,
  secretFields: telegramSecretFields,
  publicSetupFields: telegramPublicSetupFields,

  // Telegram has no GET handshake: registerWebhook (setWebhook) is the whole setup.
  handshake: () => null,
  // The secret token header is all Telegram sends: there is no signature over the body (5b).
  verify: async (req, config) => {
    const given = req.headers.get(SECRET_TOKEN_HEADER);
    if (given === null) return { ok: false, status: 401, reason: `Missing ${SECRET_TOKEN_HEADER} header` };
    if (!constantTimeEqual(given, config.secretToken)) return { ok: false, status: 403, reason: `${SECRET_TOKEN_HEADER} does not match this inbox` };
    return { ok: true };
  },
  parse: (req) => parseTelegramUpdate(req.rawBody),
  // An empty 200: a method call in the webhook answer would go out without us seeing its result (5d).
  ack: () => ({ status: 200, body: '' }),
  send: sendTelegramMessage,
  window: () => telegramWindow(),
  testConnection: testTelegramConnection,
  afterIngest: answerCallbackQueries,
  fetchMedia: fetchTelegramMedia,
  registerWebhook: registerTelegramWebhook,
};
