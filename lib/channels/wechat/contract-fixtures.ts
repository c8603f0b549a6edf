import type { ConnectorContractFixtures } from '../shared/contract-fixtures';
import type { WeChatConfig } from './config';
import { GH_ID, OPENID, signedWebhook } from './test-support';

/**
 * Test data for the shared contract suite (not used at runtime). Safe mode, because the suite
 * checks that a tampered body fails verify, and only the encrypted modes sign the message: in
 * plain mode WeChat's `signature` covers token, timestamp and nonce, not the body.
 */
export const contractFixtures: ConnectorContractFixtures<WeChatConfig> = {
  validConfigInput: {
    appId: 'wx49f0ab532d5d035a', appSecret: 'test_app_secret', token: 'contractToken1',
    encodingAesKey: 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR', mode: 'safe',
  },
  validBody: `<xml><ToUserName><![CDATA[${GH_ID}]]></ToUserName><FromUserName><![CDATA[${OPENID}]]></FromUserName><CreateTime>1700000000</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[Hello]]></Content><MsgId>4363689963896700987</MsgId></xml>`,
  signedRequest: (config, body) => signedWebhook(config, body),
  malformedBodies: [
    'not xml',
    '{"object":"page"}',
    '<xml><ToUserName><![CDATA[gh_123456789abc]]></ToUserName></xml>',
    '<xml><ToUserName><![CDATA[gh_123456789abc]]></ToUserName><Encrypt><![CDATA[bm90IGVuY3J5cHRlZA==]]></Encrypt></xml>',
    '<!DOCTYPE xml [<!ENTITY e "x">]><xml><Encrypt>&e;</Encrypt></xml>',
  ],
  sendContext: { contactExternalId: OPENID, reference: null },
};
