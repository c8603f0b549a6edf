/**
 * The only place that knows which channels exist. Adding a channel = one folder + one line here
 * (+ its contract-fixtures.ts for lib/channels/contract.test.ts). Nothing else switches on channel.
 */
import type { Connector } from './types';
import { botframeworkConnector } from './botframework';
import { messengerConnector } from './messenger';
import { telegramConnector } from './telegram';
import { wechatConnector } from './wechat';
import { whatsappConnector } from './whatsapp';
import { whatsapp360Connector } from './whatsapp360';

export const connectors = {
  messenger: messengerConnector,
  botframework: botframeworkConnector,
  wechat: wechatConnector,
  telegram: telegramConnector,
  whatsapp: whatsappConnector,
  whatsapp360: whatsapp360Connector,
} as const;

export type ChannelKey = keyof typeof connectors;

export const channelKeys = Object.keys(connectors) as ChannelKey[];

export function isChannelKey(key: string): key is ChannelKey {
  return Object.hasOwn(connectors, key);
}

/** The connector for a channel key (e.g. from a webhook URL), or undefined for unknown keys. */
export function getConnector(key: string): Connector | undefined {
  // Typed loosely: callers must pass a config produced by this connector's own configSchema.
  return isChannelKey(key) ? connectors[key] : undefined;
}
