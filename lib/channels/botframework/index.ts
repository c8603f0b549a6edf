import type { Connector, WindowState } from '../types';
import { botframeworkConfigSchema, botframeworkPublicSetupFields, botframeworkSecretFields, type BotFrameworkConfig } from './config';
import { parseBotFrameworkActivity } from './parse';
import { sendBotFrameworkMessage } from './send';
import { testBotFrameworkConnection } from './test-connection';
import { verifyBotFrameworkRequest } from './verify';

export type { BotFrameworkConfig } from './config';
export type { BotReference } from './reference';

/** No 24 h rule: a bot may post to any conversation it has a reference for (PROTOCOLS.md 4f). */
const ALWAYS_OPEN: WindowState = { open: true, closesAt: null, allowedWhenClosed: [] };

/** Is this POST an `invoke` (Teams card actions, task modules)? Its HTTP response is the result. */
function isInvoke(rawBody: Buffer): boolean {
  try {
    return (JSON.parse(rawBody.toString('utf8')) as { type?: unknown }).type === 'invoke';
  } catch {
    return false;
  }
}

export const botframeworkConnector: Connector<BotFrameworkConfig> = {
  key: 'botframework',
  displayName: 'Microsoft Bot Framework (Teams, Web Chat)',
  capabilities: { media: true, templates: false, receipts: true, typing: false },
  configSchema: botframeworkConfigSchema,
  secretFields: botframeworkSecretFields,
  publicSetupFields: botframeworkPublicSetupFields,

  // No GET handshake: the messaging endpoint is simply entered in the Azure Bot resource.
  handshake: () => null,
  verify: verifyBotFrameworkRequest,
  parse: (req) => parseBotFrameworkActivity(req.rawBody),
  // 200 with an empty body; an invoke expects a JSON invoke response, `{}` is the neutral one.
  ack: (req) => (isInvoke(req.rawBody) ? { status: 200, body: '{}', contentType: 'application/json' } : { status: 200, body: '' }),
  send: sendBotFrameworkMessage,
  window: () => ({ ...ALWAYS_OPEN }),
  testConnection: (config, fetchImpl, deps) => testBotFrameworkConnection(config, fetchImpl, deps?.fetchUntrusted),
};
