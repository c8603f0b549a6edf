import { describe } from 'vitest';
import { connectorContractSuite } from '../shared/contract-suite';
import { contractFixtures } from './contract-fixtures';
import { wechatConnector } from './index';

describe('contract', () => connectorContractSuite('wechat', wechatConnector, async () => contractFixtures));
