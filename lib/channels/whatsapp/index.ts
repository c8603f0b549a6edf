import type { Connector } from '../types';
import { verifySha256SignatureHeader } from '../shared/hmac';
import { metaHubHandshake } from '../shared/meta-handshake';
import { whatsappConfigSchema, whatsappPublicSetupFields, whatsappSecretFields, type WhatsAppConfig } from './config';
import { listWhatsAppTemplates } from './list-templates';
import { fetchWhatsAppMedia } from './media';
import { parseCloudWebhook } from './parse';
import { sendWhatsAppMessage } from './send';
import { testWhatsAppConnection } from './test-connection';
import { whatsappWindow } from './window';

export type { WhatsAppConfig } from './config';
// Building blocks other WhatsApp providers (360dialog) reuse.
export { parseCloudWebhook, type CloudParseOptions } from './parse';
export { buildCloudBodies, isBusinessScopedUserId, type CloudMessageBody } from './outbound';
export { postCloudMessage, sendCloudBodies, type MessageEndpoint } from './post-message';
export { cloudErrorToConnectorError, networkErrorToConnectorError } from './errors';
export { readCloudError, type CloudError } from './cloud-error';
export { humanReason, statusError } from './error-reasons';
export { whatsappWindow, assertWindowAllows, CUSTOMER_SERVICE_WINDOW_MS } from './window';
export { downloadMedia, type MediaSource } from './media-download';
export { cachedTemplates, countParameters, mapTemplates, TEMPLATE_CACHE_SECONDS } from './templates';

export const whatsappConnector: Connector<WhatsAppConfig> = {
  key: 'whatsapp',
  displayName: 'WhatsApp (Meta Cloud API)',
  capabilities: { media: true, templates: true, receipts: true, typing: false },
  configSchema: whatsappConfigSchema,
  secretFields: whatsappSecretFields,
  publicSetupFields: whatsappPublicSetupFields,

  handshake: (req, config) => metaHubHandshake(req, config.verifyToken),
  verify: async (req, config) =>
    verifySha256SignatureHeader(req.headers.get('x-hub-signature-256'), config.appSecret, req.rawBody),
  parse: (req, config) => parseCloudWebhook(req.rawBody, { phoneNumberId: config.phoneNumberId, wabaId: config.wabaId }),
  // Meta only needs a 200.
  ack: () => ({ status: 200, body: 'OK', contentType: 'text/plain' }),
  send: sendWhatsAppMessage,
  window: (lastInboundAt, now) => whatsappWindow(lastInboundAt, now),
  testConnection: testWhatsAppConnection,
  fetchMedia: fetchWhatsAppMedia,
  listTemplates: listWhatsAppTemplates,
};
