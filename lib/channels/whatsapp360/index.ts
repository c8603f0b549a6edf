import type { Connector } from '../types';
import { parseCloudWebhook, whatsappWindow } from '../whatsapp';
import { whatsapp360ConfigSchema, whatsapp360PublicSetupFields, whatsapp360SecretFields, type WhatsApp360Config } from './config';
import { listWhatsApp360Templates } from './list-templates';
import { fetchWhatsApp360Media } from './media';
import { registerWhatsApp360Webhook } from './register-webhook';
import { sendWhatsApp360Message } from './send';
import { testWhatsApp360Connection } from './test-connection';
import { verifyAuthorizationHeader } from './verify';

export type { WhatsApp360Config } from './config';

export const whatsapp360Connector: Connector<WhatsApp360Config> = {
  key: 'whatsapp360',
  displayName: 'WhatsApp (360dialog)',
  capabilities: { media: true, templates: true, receipts: true, typing: false },
  configSchema: whatsapp360ConfigSchema,
  secretFields: whatsapp360SecretFields,
  publicSetupFields: whatsapp360PublicSetupFields,

  // 360dialog has no GET handshake: the URL is registered through its API (registerWebhook).
  handshake: () => null,
  verify: async (req, config) => verifyAuthorizationHeader(req, config.webhookSecret),
  // One API key = one number, so every value is ours (no phone_number_id filter).
  parse: (req) => parseCloudWebhook(req.rawBody),
  // 360dialog wants a 200 immediately; extra destinations only get events after it.
  ack: () => ({ status: 200, body: 'OK', contentType: 'text/plain' }),
  send: sendWhatsApp360Message,
  window: (lastInboundAt, now) => whatsappWindow(lastInboundAt, now),
  testConnection: testWhatsApp360Connection,
  fetchMedia: fetchWhatsApp360Media,
  listTemplates: listWhatsApp360Templates,
  registerWebhook: registerWhatsApp360Webhook,
};
