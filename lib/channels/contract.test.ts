/**
 * The shared connector contract: every connector in the registry must pass it. A new channel
 * gets it for free by adding its registry line and `<key>/contract-fixtures.ts` exporting
 * `contractFixtures` (see shared/contract-fixtures.ts).
 */
import { describe, expect, it } from 'vitest';
import { channelKeys, connectors, getConnector, isChannelKey } from './registry';
import type { ConnectorContractFixtures } from './shared/contract-fixtures';
import { connectorContractSuite } from './shared/contract-suite';
import type { Connector } from './types';

async function loadFixtures(key: string): Promise<ConnectorContractFixtures<Record<string, unknown>>> {
  const where = `lib/channels/${key}/contract-fixtures.ts`;
  const mod = (await import(`./${key}/contract-fixtures.ts`).catch((cause: unknown) => {
    throw new Error(`${where} could not be loaded; every registered channel needs one`, { cause });
  })) as { contractFixtures?: unknown };
  if (!mod.contractFixtures) throw new Error(`${where} must export contractFixtures`);
  return mod.contractFixtures as ConnectorContractFixtures<Record<string, unknown>>;
}


describe('registry', () => {
  it('lists each channel once and looks them up by key only', () => {
    expect(channelKeys.length).toBeGreaterThan(0);
    expect(new Set(channelKeys).size).toBe(channelKeys.length);
    for (const key of channelKeys) expect(getConnector(key)).toBe(connectors[key]);
    for (const key of ['nope', 'constructor', '__proto__', 'toString', '']) {
      expect(getConnector(key)).toBeUndefined();
      expect(isChannelKey(key)).toBe(false);
    }
  });
});

describe.each(channelKeys.map((key) => [key, connectors[key] as Connector] as const))('connector contract: %s', (key, connector) => {
  connectorContractSuite(key, connector, () => loadFixtures(key));
});
