import { describe, expect, it } from 'vitest';
import type { ConnectorContractFixtures } from '../shared/contract-fixtures';
import { connectorContractSuite } from '../shared/contract-suite';
import { testDeps } from '../shared/memory-cache';
import type { Connector } from '../types';
import { contractFixtures } from './contract-fixtures';
import { telegramConnector } from './index';

describe('contract', () => {
  connectorContractSuite('telegram', telegramConnector as Connector, async () => contractFixtures as ConnectorContractFixtures<Record<string, unknown>>);

  it('verify rejects missing or wrong secret tokens (Telegram signs no body)', async () => {
    const config = telegramConnector.configSchema.parse(contractFixtures.validConfigInput);
    const good = contractFixtures.signedRequest(config, contractFixtures.validBody);
    expect(await telegramConnector.verify(good, config, testDeps())).toEqual({ ok: true });
    const bare = { ...good, headers: new Headers({ 'content-type': 'application/json' }) };
    expect(await telegramConnector.verify(bare, config, testDeps())).toMatchObject({ ok: false, status: 401 });
    const other = telegramConnector.configSchema.parse({ ...contractFixtures.validConfigInput, secretToken: 'another-secret' });
    expect(await telegramConnector.verify(good, other, testDeps())).toMatchObject({ ok: false, status: 403 });
  });
});
