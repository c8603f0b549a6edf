import type { ConnectorContractFixtures } from '../shared/contract-fixtures';
import { hmacSha256Hex } from '../shared/hmac';
import type { WhatsAppConfig } from './config';

const PHONE_NUMBER_ID = '106540352242922';
const WA_ID = '16505551234';

/** Test data for the shared connector contract suite (not used at runtime). */
export const contractFixtures: ConnectorContractFixtures<WhatsAppConfig> = {
  validConfigInput: { phoneNumberId: PHONE_NUMBER_ID, wabaId: '102290129340398', accessToken: 'EAAtesttoken', appSecret: 'test_app_secret' },
  validBody: JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: '102290129340398', changes: [{ field: 'messages', value: {
      messaging_product: 'whatsapp', metadata: { display_phone_number: '15550783881', phone_number_id: PHONE_NUMBER_ID },
      contacts: [{ profile: { name: 'Sheena Nelson' }, wa_id: WA_ID }],
      messages: [{ from: WA_ID, id: 'wamid.contract_1', timestamp: '1749416383', type: 'text', text: { body: 'Hello' } }],
    } }] }],
  }),
  signedRequest: (config, body) => {
    const rawBody = Buffer.from(body, 'utf8');
    return {
      method: 'POST',
      url: new URL('https://switchboard.test/api/webhooks/whatsapp/inbox_1'),
      headers: new Headers({ 'content-type': 'application/json', 'x-hub-signature-256': `sha256=${hmacSha256Hex(config.appSecret, rawBody)}` }),
      rawBody,
    };
  },
  malformedBodies: ['not json', '{"object":"page","entry":[]}', '{"object":"whatsapp_business_account","entry":{}}', '[]'],
  sendContext: { contactExternalId: WA_ID, reference: null },
};
