import { describe } from 'vitest';
import { connectorContractSuite } from '../shared/contract-suite';
import { contractFixtures } from './contract-fixtures';
import { whatsappConnector } from './index';

// Runs the shared contract until the channel is registered (then lib/channels/contract.test.ts runs it too).
describe('contract', () => connectorContractSuite('whatsapp', whatsappConnector, async () => contractFixtures));
