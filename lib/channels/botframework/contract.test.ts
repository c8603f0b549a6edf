import { describe } from 'vitest';
import type { Connector } from '../types';
import { connectorContractSuite } from '../shared/contract-suite';
import type { ConnectorContractFixtures } from '../shared/contract-fixtures';
import { contractFixtures } from './contract-fixtures';
import { botframeworkConnector } from './index';

// Not in the registry yet (lib/channels/registry.ts is shared): run the shared suite on ourselves.
describe('contract', () =>
  connectorContractSuite('botframework', botframeworkConnector as unknown as Connector, async () =>
    contractFixtures as unknown as ConnectorContractFixtures<Record<string, unknown>>));
