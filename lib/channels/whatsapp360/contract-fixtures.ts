import type { ConnectorContractFixtures } from '../shared/contract-fixtures';
import { contractFixtures as cloud } from '../whatsapp/contract-fixtures';
import type { WhatsApp360Config } from './config';

/** Test data for the shared connector contract suite: the Cloud body, authenticated by the registered header. */
export const contractFixtures: ConnectorContractFixtures<WhatsApp360Config> = {
  // 360dialog per-number webhooks carry only the header we registered: nothing signs the body.
  bodySigned: false,
  validConfigInput: { apiKey: 'd360-test-key', webhookSecret: 'test-webhook-secret' },
  validBody: cloud.validBody,
  signedRequest: (config, body) => ({
    method: 'POST',
    url: new URL('https://switchboard.test/api/webhooks/whatsapp360/inbox_1'),
    headers: new Headers({ 'content-type': 'application/json', authorization: config.webhookSecret }),
    rawBody: Buffer.from(body, 'utf8'),
  }),
  malformedBodies: cloud.malformedBodies,
  sendContext: cloud.sendContext,
};
