import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotFrameworkSimulator } from './server';
import { aadToken, BOT, startFastSimulator } from './test-support';

let sim: BotFrameworkSimulator;
beforeAll(async () => {
  sim = await startFastSimulator();
  sim.registerBot(BOT);
  sim.registerBot({ appId: '11111111-2222-4333-8444-555555555555', password: 'legacy', tenantId: 'botframework.com', name: 'LegacyBot' });
});
afterAll(() => sim.close());

describe('fake AAD token endpoint', () => {
  it('grants a 3600 s bearer token for the right app, secret, tenant and scope', async () => {
    const { status, json } = await aadToken(sim);
    expect(status).toBe(200);
    expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600, access_token: expect.stringMatching(/^sim-aad\./) });
  });

  it('AADSTS700016 when a single-tenant app asks the botframework.com authority, or the app is unknown', async () => {
    const wrongAuthority = await aadToken(sim, {}, 'botframework.com');
    expect(wrongAuthority.status).toBe(400);
    expect(wrongAuthority.json).toMatchObject({ error: 'unauthorized_client', error_codes: [700016] });
    expect(wrongAuthority.json.error_description).toMatch(/^AADSTS700016: Application with identifier '9e1b6c3a-.*' was not found in the directory 'Bot Framework'/);
    expect((await aadToken(sim, { client_id: '00000000-0000-4000-8000-000000000000' })).json.error_codes).toEqual([700016]);
  });

  it('a multi-tenant bot gets tokens from botframework.com', async () => {
    const { status } = await aadToken(sim, { client_id: '11111111-2222-4333-8444-555555555555', client_secret: 'legacy' }, 'botframework.com');
    expect(status).toBe(200);
  });

  it('AADSTS7000215 for a wrong secret; 400 for a wrong grant type or scope', async () => {
    const wrong = await aadToken(sim, { client_secret: 'nope' });
    expect(wrong).toMatchObject({ status: 401, json: { error: 'invalid_client', error_codes: [7000215] } });
    expect((await aadToken(sim, { grant_type: 'password' })).json.error_codes).toEqual([70003]);
    expect((await aadToken(sim, { scope: 'https://graph.microsoft.com/.default' })).json.error_codes).toEqual([70011]);
  });
});
