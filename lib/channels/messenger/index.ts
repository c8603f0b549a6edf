import type { Connector } from '../types';
import { metaHubHandshake } from '../shared/meta-handshake';
import { verifySha256SignatureHeader } from '../shared/hmac';
import { messengerConfigSchema, messengerPublicSetupFields, messengerSecretFields, type MessengerConfig } from './config';
import { parseMessengerWebhook } from './parse';
import { sendMessengerMessage } from './send';
import { fetchMessengerProfile } from './profile';
import { testMessengerConnection } from './test-connection';
import { messengerWindow } from './window';

export type { MessengerConfig } from './config';

export const messengerConnector: Connector<MessengerConfig> = {
  key: 'messenger',
  displayName: 'Facebook Messenger',
  capabilities: { media: true, templates: false, receipts: true, typing: true },
  configSchema: messengerConfigSchema,
  secretFields: messengerSecretFields,
  publicSetupFields: messengerPublicSetupFields,

  handshake: (req, config) => metaHubHandshake(req, config.verifyToken),
  verify: async (req, config) =>
    verifySha256SignatureHeader(req.headers.get('x-hub-signature-256'), config.appSecret, req.rawBody),
  parse: (req, config) => parseMessengerWebhook(req.rawBody, config.pageId),
  // Meta only needs a 200; EVENT_RECEIVED is what its samples answer.
  ack: () => ({ status: 200, body: 'EVENT_RECEIVED', contentType: 'text/plain' }),
  send: sendMessengerMessage,
  window: messengerWindow,
  testConnection: testMessengerConnection,
  fetchProfile: fetchMessengerProfile,
};
