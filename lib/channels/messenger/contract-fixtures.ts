import type { ConnectorContractFixtures } from '../shared/contract-fixtures';
import { hmacSha256Hex } from '../shared/hmac';
import type { MessengerConfig } from './config';

const PAGE_ID = '404217156637689';
const PSID = '1423587017700273';

/** Test data for lib/channels/contract.test.ts (not used at runtime). */
export const contractFixtures: ConnectorContractFixtures<MessengerConfig> = {
  validConfigInput: { pageId: PAGE_ID, pageAccessToken: 'EAAtesttoken', appSecret: 'test_app_secret' },
  validBody: JSON.stringify({
    object: 'page',
    entry: [{ id: PAGE_ID, time: 1491796363500, messaging: [{
      sender: { id: PSID }, recipient: { id: PAGE_ID }, timestamp: 1491796363181,
      message: { mid: 'm_contract_1', text: 'Hello' },
    }] }],
  }),
  signedRequest: (config, body) => {
    const rawBody = Buffer.from(body, 'utf8');
    return {
      method: 'POST',
      url: new URL('https://switchboard.test/api/webhooks/messenger/inbox_1'),
      headers: new Headers({
        'content-type': 'application/json',
        'x-hub-signature-256': `sha256=${hmacSha256Hex(config.appSecret, rawBody)}`,
      }),
      rawBody,
    };
  },
  malformedBodies: ['not json', '{"object":"user","entry":[]}', '{"object":"page","entry":{}}', '[]'],
  sendContext: { contactExternalId: PSID, reference: null },
};
