import type { ConnectorContractFixtures } from '../shared/contract-fixtures';
import type { TelegramConfig } from './config';

/** Test data for the shared connector contract suite (not used at runtime). */
export const contractFixtures: ConnectorContractFixtures<TelegramConfig> = {
  validConfigInput: { botToken: '6101234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1', secretToken: 'contract-secret_token' },
  // Telegram's only credential is the secret-token header: nothing signs the body (PROTOCOLS 5b).
  bodySigned: false,
  validBody: JSON.stringify({
    update_id: 141921690,
    message: {
      message_id: 666, date: 1499402829, text: 'Hello',
      from: { id: 427770117, is_bot: false, first_name: 'Ana' },
      chat: { id: 427770117, first_name: 'Ana', type: 'private' },
    },
  }),
  signedRequest: (config, body) => ({
    method: 'POST',
    url: new URL('https://switchboard.test/api/webhooks/telegram/inbox_1'),
    headers: new Headers({ 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': config.secretToken }),
    rawBody: Buffer.from(body, 'utf8'),
  }),
  malformedBodies: [
    'not json', '[]', '{}', '{"update_id":"abc","message":{}}', '{"update_id":1}',
    '{"update_id":1,"message":{"message_id":1,"date":1}}',
    '{"update_id":1,"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"}},"edited_message":{}}',
  ],
  sendContext: { contactExternalId: '427770117', reference: { chatType: 'private' } },
};
