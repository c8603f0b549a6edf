import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BotFrameworkSimulator } from './server';
import { BOT, startBotEndpoint, startFastSimulator } from './test-support';

let sim: BotFrameworkSimulator;
let endpoint: Awaited<ReturnType<typeof startBotEndpoint>>;

beforeAll(async () => {
  sim = await startFastSimulator();
  endpoint = await startBotEndpoint();
  sim.registerBot({ ...BOT, messagingEndpoint: endpoint.url });
});
afterAll(async () => {
  await sim.close();
  await endpoint.close();
});

async function jwks() {
  const metadata = await (await fetch(sim.info().openIdMetadataUrl)).json();
  return (await (await fetch(metadata.jwks_uri)).json()) as { keys: { kid: string; endorsements: string[] }[] };
}
async function deliveredToken(token: Parameters<BotFrameworkSimulator['send']>[0]['token']) {
  const before = endpoint.received.length;
  const { activity } = await sim.send({ kind: 'message', appId: BOT.appId, text: 'hi', token });
  const received = endpoint.received[before];
  return { activity, auth: received.headers.authorization, jwt: received.headers.authorization?.split(' ')[1] ?? '' };
}

describe('OpenID metadata and Connector tokens', () => {
  it('serves metadata → jwks_uri → RSA keys with endorsements', async () => {
    const { keys } = await jwks();
    expect(keys.map((k) => k.kid)).toEqual(['sim-key-1', 'sim-directline-only']);
    expect(keys[0]).toMatchObject({ kty: 'RSA', use: 'sig', endorsements: ['msteams', 'webchat', 'directline', 'emulator'] });
  });

  it('signs valid activities RS256 with iss, aud, serviceurl, ~1 h lifetime and kid', async () => {
    const { activity, auth, jwt } = await deliveredToken('valid');
    expect(auth).toMatch(/^Bearer [\w-]+\.[\w-]+\.[\w-]+$/);
    const { payload, protectedHeader } = await jwtVerify(jwt, createLocalJWKSet(await jwks() as never), { issuer: 'https://api.botframework.com', audience: BOT.appId });
    expect(protectedHeader).toMatchObject({ alg: 'RS256', kid: 'sim-key-1' });
    expect(payload.serviceurl).toBe(activity.serviceUrl);
    expect(activity.serviceUrl).toBe(`${sim.url}/amer/`);
    expect(payload.exp! - payload.iat!).toBeGreaterThan(3500);
  });

  it('produces each negative case on demand', async () => {
    const now = Date.now() / 1000;
    expect((await deliveredToken('missing')).auth).toBeUndefined();
    expect(decodeJwt((await deliveredToken('expired')).jwt).exp).toBeLessThan(now - 300);
    expect(decodeJwt((await deliveredToken('wrong-aud')).jwt).aud).not.toBe(BOT.appId);
    expect(decodeJwt((await deliveredToken('wrong-issuer')).jwt).iss).toMatch(/^https:\/\/sts\.windows\.net\//);
    expect(decodeJwt((await deliveredToken('serviceurl-mismatch')).jwt).serviceurl).not.toBe(`${sim.url}/amer/`);
    const unendorsed = decodeProtectedHeader((await deliveredToken('unendorsed-channel')).jwt).kid;
    expect((await jwks()).keys.find((k) => k.kid === unendorsed)!.endorsements).not.toContain('msteams');
    const unknown = decodeProtectedHeader((await deliveredToken('unknown-kid')).jwt).kid;
    expect((await jwks()).keys.map((k) => k.kid)).not.toContain(unknown);
    expect(decodeProtectedHeader((await deliveredToken('alg-none')).jwt).alg).toBe('none');
    expect(decodeProtectedHeader((await deliveredToken('hs256')).jwt).alg).toBe('HS256');
  });

  it('rotates to a new kid, keeping the old key published unless dropOld', async () => {
    const kid = await sim.rotateKeys();
    expect(decodeProtectedHeader((await deliveredToken('valid')).jwt).kid).toBe(kid);
    expect((await jwks()).keys.map((k) => k.kid)).toEqual(['sim-key-1', 'sim-directline-only', kid]);
    const next = await sim.rotateKeys({ dropOld: true });
    expect((await jwks()).keys.map((k) => k.kid)).toEqual(['sim-key-1', 'sim-directline-only', next]);
  });
});
