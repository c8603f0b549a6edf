import { describe, expect, it } from 'vitest';
import { BOT_FRAMEWORK_OPENID_METADATA_URL, botframeworkConfigSchema } from './config';

const base = { appId: '9E1B6C3A-5B1F-4A3E-8D2C-1F0E2D3C4B5A', appPassword: ' secret~value ', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' };

describe('botframeworkConfigSchema', () => {
  it('fills the real endpoints, deriving the token endpoint from the tenant', () => {
    expect(botframeworkConfigSchema.parse(base)).toEqual({
      ...base, appPassword: 'secret~value',
      openIdMetadataUrl: BOT_FRAMEWORK_OPENID_METADATA_URL,
      tokenEndpoint: 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token',
    });
  });

  it('botframework.com selects the multi-tenant authority; blank overrides fall back to defaults', () => {
    const config = botframeworkConfigSchema.parse({ ...base, tenantId: 'botframework.com', tokenEndpoint: ' ', openIdMetadataUrl: '' });
    expect(config.tokenEndpoint).toBe('https://login.microsoftonline.com/botframework.com/oauth2/v2.0/token');
    expect(config.openIdMetadataUrl).toBe(BOT_FRAMEWORK_OPENID_METADATA_URL);
  });

  it('keeps explicit endpoints (simulators, sovereign clouds)', () => {
    const config = botframeworkConfigSchema.parse({ ...base, tokenEndpoint: 'http://127.0.0.1:4101/t/oauth2/v2.0/token', openIdMetadataUrl: 'http://127.0.0.1:4101/openid' });
    expect(config).toMatchObject({ tokenEndpoint: 'http://127.0.0.1:4101/t/oauth2/v2.0/token', openIdMetadataUrl: 'http://127.0.0.1:4101/openid' });
  });

  it('explains each bad field in admin words', () => {
    const result = botframeworkConfigSchema.safeParse({ appId: 'my-bot', appPassword: '', tenantId: 'not a tenant', tokenEndpoint: 'ftp://x' });
    const messages = Object.fromEntries(result.error!.issues.map((i) => [i.path.join('.'), i.message]));
    expect(messages).toEqual({
      appId: expect.stringContaining('GUID shown in the Azure Bot resource'),
      appPassword: expect.stringContaining('client secret'),
      tenantId: expect.stringContaining('Directory (tenant) ID'),
      tokenEndpoint: expect.stringContaining('https:// URL'),
    });
  });
});
