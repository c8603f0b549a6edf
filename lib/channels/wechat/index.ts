import type { Connector } from '../types';
import { wechatConfigSchema, wechatNewConfigSchema, wechatPublicSetupFields, wechatSecretFields, type WeChatConfig } from './config';
import { fetchWeChatMedia } from './fetch-media';
import { parseWeChatWebhook } from './parse';
import { sendWeChatMessage } from './send';
import { testWeChatConnection } from './test-connection';
import { verifyWeChatRequest, wechatHandshake } from './verify';
import { wechatWindow } from './window';

export type { WeChatConfig, WeChatMode } from './config';
export { encryptPassiveReply, passiveTextReplyXml, type PassiveTextReply } from './reply';

export const wechatConnector: Connector<WeChatConfig> = {
  key: 'wechat',
  displayName: 'WeChat Official Account',
  // receipts: customer-service messages get none (only template messages do, and those are not sent here).
  capabilities: { media: true, templates: false, receipts: false, typing: false },
  configSchema: wechatConfigSchema,
  newConfigSchema: wechatNewConfigSchema,
  secretFields: wechatSecretFields,
  publicSetupFields: wechatPublicSetupFields,

  handshake: wechatHandshake,
  verify: verifyWeChatRequest,
  parse: parseWeChatWebhook,
  // `success` in every mode: WeChat then shows nothing, and agents reply later via the CS API.
  ack: () => ({ status: 200, body: 'success', contentType: 'text/plain' }),
  send: sendWeChatMessage,
  window: wechatWindow,
  testConnection: testWeChatConnection,
  fetchMedia: fetchWeChatMedia,
};
