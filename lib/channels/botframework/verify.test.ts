import { describe, expect, it } from 'vitest';
import { memoryCache, testDeps } from '../shared/memory-cache';
import type { WebhookRequest } from '../types';
import { botframeworkConfigSchema } from './config';
import { fakeOpenId } from './test-openid';
import { connectorToken, makeTestKey, signJwt, type TokenOptions } from './test-tokens';
import { verifyBotFrameworkRequest } from './verify';

const NOW = new Date('2026-03-10T12:00:00Z');
const APP_ID = '9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';
const KEY = makeTestKey('key-2026-03');
const OTHER_KEY = makeTestKey('key-2026-03'); // same kid, different key pair: a forgery
const activity = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ type: 'message', id: '1', channelId: 'msteams', serviceUrl: SERVICE_URL, from: { id: '29:1' }, conversation: { id: 'a:1' }, ...extra });

function setup(keys = [KEY.jwk]) {
  const openid = fakeOpenId(keys);
  const config = botframeworkConfigSchema.parse({ appId: APP_ID, appPassword: 'pw', tenantId: 'contoso.onmicrosoft.com', openIdMetadataUrl: openid.metadataUrl });
  const deps = testDeps({ fetch: openid.fetch, now: () => NOW, cache: memoryCache() });
  const request = (authorization: string | null, body = activity()): WebhookRequest => ({
    method: 'POST', url: new URL('https://switchboard.test/api/webhooks/botframework/k'), rawBody: Buffer.from(body),
    headers: new Headers({ 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) }),
  });
  const token = (o: Partial<TokenOptions> = {}, key = KEY) => connectorToken(key, { appId: APP_ID, serviceUrl: SERVICE_URL, nowMs: NOW.getTime(), ...o });
  const verify = (authorization: string | null, body?: string) => verifyBotFrameworkRequest(request(authorization, body), config, deps);
  return { openid, verify, token };
}

describe('verifyBotFrameworkRequest', () => {
  it.each(['RS256', 'RS384', 'RS512'])('accepts a Connector token signed %s', async (alg) => {
    const { verify, token } = setup();
    expect(await verify(`Bearer ${token({ alg })}`)).toEqual({ ok: true });
  });

  it.each([
    ['no header', null],
    ['another scheme', 'Basic dXNlcjpwdw=='],
    ['lower-case scheme', 'bearer x.y.z'],
    ['three parts', 'Bearer x.y.z extra'],
    ['not a JWT', 'Bearer not-a-jwt'],
  ])('401 for %s', async (_name, header) => {
    const { verify, openid } = setup();
    expect(await verify(header)).toMatchObject({ ok: false, status: 401 });
    expect(openid.calls).toHaveLength(0);
  });

  it('(1) refuses another issuer (Emulator/AAD tokens) before fetching keys', async () => {
    const { verify, token, openid } = setup();
    const result = await verify(`Bearer ${token({ claims: { iss: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' } })}`);
    expect(result).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('issuer "https://sts.windows.net/') });
    expect(openid.calls).toHaveLength(0);
  });

  it('(2) unknown kid: one refresh, then rejected', async () => {
    const { verify, token, openid } = setup();
    const result = await verify(`Bearer ${token({ kid: 'never-published' })}`);
    expect(result).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('unknown key id "never-published"') });
    expect(openid.calls).toHaveLength(4); // initial load + one forced refresh (metadata + JWKS each)
  });

  it('(2) a token signed by another key under a published kid fails the signature check', async () => {
    const { verify, token } = setup();
    expect(await verify(`Bearer ${token({}, OTHER_KEY)}`)).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('signature') });
  });

  it('(3) alg none and HS256 (public key as HMAC secret) never reach a key', async () => {
    const { verify, openid } = setup();
    const claims = { iss: 'https://api.botframework.com', aud: APP_ID, serviceurl: SERVICE_URL, exp: NOW.getTime() / 1000 + 3600 };
    const none = signJwt({ alg: 'none', kid: KEY.kid }, claims, KEY);
    const hs256 = signJwt({ alg: 'HS256', kid: KEY.kid }, claims, KEY, KEY.jwk.n);
    expect(await verify(`Bearer ${none}`)).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('algorithm "none"') });
    expect(await verify(`Bearer ${hs256}`)).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('algorithm "HS256"') });
    expect(openid.calls).toHaveLength(0);
  });

  it('(4) lifetime: 5 minutes of clock skew either way, no more', async () => {
    const { verify, token } = setup();
    expect(await verify(`Bearer ${token({ expiresIn: -290 })}`)).toEqual({ ok: true });
    expect(await verify(`Bearer ${token({ expiresIn: -310 })}`)).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('expired') });
    const notYet = (s: number) => token({ claims: { nbf: NOW.getTime() / 1000 + s } });
    expect(await verify(`Bearer ${notYet(290)}`)).toEqual({ ok: true });
    expect(await verify(`Bearer ${notYet(310)}`)).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('not valid before') });
    expect(await verify(`Bearer ${token({ claims: { exp: undefined } })}`)).toMatchObject({ ok: false, status: 401 });
  });

  it('(5) audience must be this bot\'s app id', async () => {
    const { verify, token } = setup();
    const result = await verify(`Bearer ${token({ appId: '11111111-2222-4333-8444-555555555555' })}`);
    expect(result).toMatchObject({ ok: false, status: 403, reason: expect.stringContaining(`not this bot's Microsoft App ID (${APP_ID})`) });
  });

  it('(6) a key with endorsements only signs activities of those channels', async () => {
    const teamsOnly = makeTestKey('teams-only', ['msteams']);
    const { verify, token } = setup([teamsOnly.jwk]);
    const auth = `Bearer ${token({}, teamsOnly)}`;
    expect(await verify(auth, activity({ channelId: 'msteams' }))).toEqual({ ok: true });
    expect(await verify(auth, activity({ channelId: 'webchat' }))).toMatchObject({ ok: false, status: 403, reason: expect.stringContaining('not endorsed for channel "webchat"') });
  });

  it('(6) a key without endorsements signs any channel', async () => {
    const plain = makeTestKey('plain', null);
    const { verify, token } = setup([plain.jwk]);
    expect(await verify(`Bearer ${token({}, plain)}`, activity({ channelId: 'slack' }))).toEqual({ ok: true });
  });

  it('(7) the serviceurl claim must equal the activity\'s serviceUrl', async () => {
    const { verify, token } = setup();
    const other = await verify(`Bearer ${token()}`, activity({ serviceUrl: 'https://evil.example/' }));
    expect(other).toMatchObject({ ok: false, status: 403, reason: expect.stringContaining('does not match the activity\'s serviceUrl "https://evil.example/"') });
    expect(await verify(`Bearer ${token({ claims: { serviceurl: undefined } })}`)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses a body that is not an activity, and a body that differs from a bound token', async () => {
    const { verify, token } = setup();
    expect(await verify(`Bearer ${token()}`, 'not json')).toMatchObject({ ok: false, status: 403 });
    const body = activity();
    const bound = token({ body: Buffer.from(body) });
    expect(await verify(`Bearer ${bound}`, body)).toEqual({ ok: true });
    expect(await verify(`Bearer ${bound}`, `${body} `)).toMatchObject({ ok: false, status: 403, reason: expect.stringContaining('body_sha256') });
  });

  it('401 with the cause when the signing keys cannot be loaded', async () => {
    const { verify, token, openid } = setup();
    openid.setDown(true);
    expect(await verify(`Bearer ${token()}`)).toMatchObject({ ok: false, status: 401, reason: expect.stringContaining('the host name could not be resolved') });
  });
});
