import { describe, expect, it } from 'vitest';
import { connectorContractSuite } from '../shared/contract-suite';
import { testDeps } from '../shared/memory-cache';
import { contractFixtures } from './contract-fixtures';
import { whatsapp360Connector } from './index';

// Runs the shared contract until the channel is registered (then lib/channels/contract.test.ts runs it too).
describe('contract', () => {
  // 360dialog per-number webhooks carry only the static header we registered (PROTOCOLS.md 2b),
  // no body signature: the fixtures say bodySigned: false, and what does hold is asserted below.
  connectorContractSuite('whatsapp360', whatsapp360Connector, async () => contractFixtures);

  it('verify accepts the fixture request and rejects missing or wrong credentials ', async () => {
    const config = whatsapp360Connector.configSchema.parse(contractFixtures.validConfigInput);
    const good = contractFixtures.signedRequest(config, contractFixtures.validBody);
    expect(await whatsapp360Connector.verify(good, config, testDeps())).toEqual({ ok: true });
    const bare = { ...good, headers: new Headers({ 'content-type': 'application/json' }) };
    expect(await whatsapp360Connector.verify(bare, config, testDeps())).toMatchObject({ ok: false, status: 401 });
    const wrong = { ...good, headers: new Headers({ authorization: 'not-the-secret' }) };
    expect(await whatsapp360Connector.verify(wrong, config, testDeps())).toMatchObject({ ok: false, status: 403 });
  });

  it('documents the gap: with the right header, a modified body still passes verify', async () => {
    const config = whatsapp360Connector.configSchema.parse(contractFixtures.validConfigInput);
    const good = contractFixtures.signedRequest(config, contractFixtures.validBody);
    const tampered = { ...good, rawBody: Buffer.from(`${contractFixtures.validBody} `) };
    expect(await whatsapp360Connector.verify(tampered, config, testDeps())).toEqual({ ok: true });
  });
});
