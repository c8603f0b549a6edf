import type { ConnectorContractFixtures } from '../shared/contract-fixtures';
import type { BotFrameworkConfig } from './config';
import { rememberKeySet } from './openid-keys';
import { connectorToken, makeTestKey } from './test-tokens';

const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const CONVERSATION_ID = 'a:1Lz3qvTqContractPersonalChat';
const KEY = makeTestKey('contract-key-1');

/** Test data for lib/channels/contract.test.ts (not used at runtime). */
export const contractFixtures: ConnectorContractFixtures<BotFrameworkConfig> = {
  validConfigInput: {
    appId: '00000000-0000-4000-8000-00000000c0de',
    appPassword: 'contract-password',
    tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47',
    // Never fetched: signedRequest seeds this process's key cache for it (the suite has no network).
    openIdMetadataUrl: 'https://login.botframework.test/contract/openidconfiguration',
  },
  validBody: JSON.stringify({
    type: 'message', id: '1485983408511', timestamp: '2017-02-01T21:10:07.4370000Z',
    serviceUrl: SERVICE_URL, channelId: 'msteams',
    from: { id: '29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85g', name: 'Megan Bowen' },
    conversation: { id: CONVERSATION_ID, conversationType: 'personal', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' },
    recipient: { id: '28:00000000-0000-4000-8000-00000000c0de', name: 'SupportBot' },
    text: 'I need help with my order', textFormat: 'plain',
  }),
  signedRequest: (config, body) => {
    rememberKeySet(config.openIdMetadataUrl, [KEY.jwk]);
    const rawBody = Buffer.from(body, 'utf8');
    const serviceUrl = (JSON.parse(body) as { serviceUrl: string }).serviceUrl;
    const token = connectorToken(KEY, { appId: config.appId, serviceUrl, body: rawBody });
    return {
      method: 'POST',
      url: new URL('https://switchboard.test/api/webhooks/botframework/inbox_1'),
      headers: new Headers({ 'content-type': 'application/json', authorization: `Bearer ${token}` }),
      rawBody,
    };
  },
  malformedBodies: ['not json', '[]', '{"type":"message"}', '{"type":"message","serviceUrl":"https://x.test/","channelId":"msteams","from":{"id":"29:1"},"conversation":{}}'],
  sendContext: {
    contactExternalId: CONVERSATION_ID,
    reference: { serviceUrl: SERVICE_URL, channelId: 'msteams', conversationId: CONVERSATION_ID, botId: '28:00000000-0000-4000-8000-00000000c0de', userId: '29:1XJKJMvc5GBtc2JwZq0oj8tHZmzrQgFmB39ATiQWA85g' },
  },
};
