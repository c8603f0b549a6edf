import { describe, expect, it } from 'vitest';
import { botframeworkConfigSchema } from './config';
import { testBotFrameworkConnection } from './test-connection';
import { aadError, fakeHttp, json, tokenResponse } from './test-http';
import { fakeOpenId } from './test-openid';
import { makeTestKey } from './test-tokens';

const KEY = makeTestKey('k1');
const openid = fakeOpenId([KEY.jwk]);
const configFor = (tenantId: string) => botframeworkConfigSchema.parse({ appId: '9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a', appPassword: 'pw', tenantId, openIdMetadataUrl: openid.metadataUrl });
const withToken = (token: () => Response | Promise<Response>) =>
  fakeHttp((req) => (req.url.includes('/oauth2/') ? token() : openid.fetch(req.url)));

describe('testBotFrameworkConnection', () => {
  it('ok when a token is granted and signing keys are published', async () => {
    const http = withToken(() => tokenResponse('tok'));
    const result = await testBotFrameworkConnection(configFor('72f988bf-86f1-41af-91ab-2d7cd011db47'), http.fetch);
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('1 signing key(s)'), details: { tokenExpiresInSeconds: '3600' } });
  });

  it('AADSTS700016 with the multi-tenant authority: single-tenant bots need the tenant id', async () => {
    const http = withToken(() => aadError(700016, "Application with identifier '9e1b' was not found in the directory 'Bot Framework'."));
    const result = await testBotFrameworkConnection(configFor('botframework.com'), http.fetch);
    expect(result).toMatchObject({ ok: false, details: { aadCode: 'AADSTS700016' } });
    expect(result.message).toMatch(/not found in the directory.*single-tenant bots need the tenant id/);
  });

  it('AADSTS700016 in the own tenant: check the app id and tenant', async () => {
    const result = await testBotFrameworkConnection(configFor('contoso.onmicrosoft.com'), withToken(() => aadError(700016, 'not found')).fetch);
    expect(result.message).toContain('not found in directory contoso.onmicrosoft.com');
  });

  it('AADSTS7000215: invalid secret, in words', async () => {
    const http = withToken(() => aadError(7000215, 'Invalid client secret provided.', 401));
    const result = await testBotFrameworkConnection(configFor('botframework.com'), http.fetch);
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("app password is invalid (AADSTS7000215): paste the client secret's Value") });
  });

  it('reports unreachable endpoints and missing keys without throwing', async () => {
    const down = fakeHttp(() => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND login.microsoftonline.com') })));
    expect(await testBotFrameworkConnection(configFor('botframework.com'), down.fetch)).toEqual({ ok: false, message: 'Could not reach login.microsoftonline.com: the host name could not be resolved' });
    const noKeys = fakeHttp((req) => (req.url.includes('/oauth2/') ? tokenResponse('tok') : json({}, 404)));
    expect(await testBotFrameworkConnection(configFor('botframework.com'), noKeys.fetch)).toMatchObject({ ok: false, message: expect.stringContaining('cannot be verified') });
  });
});
