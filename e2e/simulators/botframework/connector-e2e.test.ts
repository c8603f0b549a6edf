/**
 * End to end over real HTTP: the simulator signs and POSTs activities to an endpoint that runs
 * Switchboard's Bot Framework connector (verify → parse → ack, with real key fetching), and the
 * connector's send() talks to the simulator's AAD and Connector.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { botframeworkConnector as connector, type BotFrameworkConfig } from '@/lib/channels/botframework';
import { memoryCache } from '@/lib/channels/shared/memory-cache';
import { ConnectorError, type InboundMessageEvent, type NormalizedEvent, type SendContext, type SharedCache } from '@/lib/channels/types';
import { closeServer, listen, readBody } from '../http';
import type { BotFrameworkSimulator, TokenVariant } from './server';
import { BOT, startFastSimulator } from './test-support';
import { untrustedFetch } from '@/lib/net';

let sim: BotFrameworkSimulator;
let config: BotFrameworkConfig;
let closeEndpoint: () => Promise<void>;
const events: NormalizedEvent[] = [];
const keyFetches: string[] = [];
const countingFetch = (log: string[], inner: typeof fetch = fetch) => ((input: string | URL | Request, init?: RequestInit) => (log.push(String(input)), inner(input, init))) as typeof fetch;

beforeAll(async () => {
  sim = await startFastSimulator();
  const info = sim.info(BOT.tenantId);
  config = connector.configSchema.parse({ appId: BOT.appId, appPassword: BOT.password, tenantId: BOT.tenantId, openIdMetadataUrl: info.openIdMetadataUrl, tokenEndpoint: info.tokenEndpoint });
  // What the app's ingress does with a webhook, minus the database.
  const deps = { fetch: countingFetch(keyFetches), fetchUntrusted: countingFetch(keyFetches, untrustedFetch()), now: () => new Date(), cache: memoryCache() };
  const server = createServer(async (req, res) => {
    const request = {
      method: req.method ?? 'POST', url: new URL(req.url ?? '/', 'http://127.0.0.1'), rawBody: await readBody(req),
      headers: new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : []))),
    };
    const verified = await connector.verify(request, config, deps);
    if (!verified.ok) return void res.writeHead(verified.status, { 'Content-Type': 'text/plain' }).end(verified.reason);
    events.push(...connector.parse(request, config));
    const ack = connector.ack(request, config);
    res.writeHead(ack.status, { 'Content-Type': ack.contentType ?? 'text/plain' }).end(ack.body);
  });
  const url = await listen(server, 0, '127.0.0.1');
  closeEndpoint = () => closeServer(server);
  sim.registerBot({ ...BOT, messagingEndpoint: `${url}/api/webhooks/botframework/key123456` });
});
afterAll(async () => {
  await sim.close();
  await closeEndpoint();
});
beforeEach(() => {
  events.length = 0;
  sim.reset({ keepBots: true });
});

const sendCtx = (reference: Record<string, unknown> | undefined, cache: SharedCache = memoryCache(), log: string[] = []): SendContext<BotFrameworkConfig> => ({
  config, contactExternalId: String(reference?.conversationId), reference: reference ?? null, lastInboundAt: new Date(), now: new Date(), fetch: countingFetch(log), fetchUntrusted: countingFetch(log, untrustedFetch()), cache,
});
async function customerWrites(input: Record<string, unknown> = {}) {
  const result = await sim.send({ kind: 'message', appId: BOT.appId, text: 'my laptop will not boot', ...input } as never);
  return { ...result, event: events.at(-1) as InboundMessageEvent };
}

describe('simulator → connector.verify + parse', () => {
  // First: a forged unknown kid (below) spends the hourly refresh, as it should (PROTOCOLS.md 4b).
  it('follows a key rotation with one refresh of metadata + JWKS', async () => {
    await customerWrites();
    const before = keyFetches.length;
    await sim.rotateKeys({ dropOld: true });
    expect((await customerWrites()).delivery.status).toBe(200);
    expect(keyFetches.slice(before).map((u) => new URL(u).pathname)).toEqual(['/v1/.well-known/openidconfiguration', '/v1/.well-known/keys']);
    await customerWrites();
    expect(keyFetches).toHaveLength(before + 2);
  });

  it('accepts a signed Teams channel message: mention removed, reference with the simulator serviceUrl', async () => {
    const { delivery, conversation, activity, event } = await customerWrites({ mention: true, conversationType: 'channel' });
    expect(delivery).toMatchObject({ status: 200, responseBody: '' });
    expect(event).toMatchObject({
      type: 'message', text: 'my laptop will not boot', externalId: activity.id, contact: { externalId: conversation.id, name: 'Megan Bowen' },
      dedupeKey: `msteams:${conversation.id}:${activity.id}`,
      reference: { serviceUrl: `${sim.url}/amer/`, conversationId: conversation.id, botId: `28:${BOT.appId}`, activityId: activity.id },
    });
  });

  it.each([
    ['missing', 401], ['expired', 401], ['wrong-issuer', 401], ['unknown-kid', 401], ['alg-none', 401], ['hs256', 401],
    ['wrong-aud', 403], ['unendorsed-channel', 403], ['serviceurl-mismatch', 403],
  ] as [TokenVariant, number][])('refuses a %s token with %i and stores nothing', async (token, status) => {
    const { delivery } = await customerWrites({ token });
    expect(delivery.status).toBe(status);
    expect(events).toHaveLength(0);
  });

  it('card submit → postback; invoke acked 200 {}; uninstall → unsubscribed', async () => {
    const { conversation, event } = await customerWrites({ text: undefined, cardSubmit: { rating: '5' } });
    expect(event.postback).toEqual({ payload: '{"rating":"5"}' });
    const invoke = await sim.send({ kind: 'invoke', appId: BOT.appId, conversationId: conversation.id });
    expect(invoke.delivery).toMatchObject({ status: 200, responseBody: '{}' });
    await sim.send({ kind: 'installationUpdate', appId: BOT.appId, conversationId: conversation.id, action: 'remove' });
    expect(events.at(-1)).toMatchObject({ type: 'contact_state', state: 'unsubscribed', contactExternalId: conversation.id });
  });
});

describe('connector.send → simulator Connector', () => {
  it('replies in the thread, the Teams conversation id URL-encoded, and returns the Connector id', async () => {
    const { event, conversation } = await customerWrites({ conversationType: 'channel' });
    const result = await connector.send(sendCtx(event.reference), { text: 'Looking into it', metadata: 'msg_1' });
    const [sent] = sim.sent();
    expect(result).toEqual({ externalId: sent.activityId });
    expect(sent).toMatchObject({ conversationId: conversation.id, replyToId: event.externalId, text: 'Looking into it', body: { textFormat: 'markdown', from: { id: `28:${BOT.appId}` } } });
    expect(sent.rawPath).toContain(encodeURIComponent(conversation.id));
  });

  it('caches the AAD token, and refreshes it once after the Connector answers 401', async () => {
    const { event } = await customerWrites();
    const cache = memoryCache();
    const log: string[] = [];
    await connector.send(sendCtx(event.reference, cache, log), { text: 'one', metadata: 'm1' });
    await connector.send(sendCtx(event.reference, cache, log), { text: 'two', metadata: 'm2' });
    sim.expireTokens();
    await connector.send(sendCtx(event.reference, cache, log), { text: 'three', metadata: 'm3' });
    expect(log.map((u) => (u.includes('/oauth2/') ? 'token' : 'post'))).toEqual(['token', 'post', 'post', 'post', 'token', 'post']);
    expect(sim.sent().map((s) => s.text)).toEqual(['one', 'two', 'three']);
  });

  it('maps 429 + Retry-After, a 15 s hang (shortened) as 504, and an uninstalled bot as 403', async () => {
    const { event, conversation } = await customerWrites();
    const send = () => connector.send(sendCtx(event.reference), { text: 'x', metadata: 'm' }).catch((e: unknown) => e);
    sim.failNext({ appId: BOT.appId, status: 429, retryAfter: 7 });
    expect(await send()).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterSeconds: 7 });
    sim.failNext({ appId: BOT.appId, hang: true });
    expect(await send()).toMatchObject({ kind: 'provider', retryable: true, code: 'GatewayTimeout' });
    await sim.send({ kind: 'installationUpdate', appId: BOT.appId, conversationId: conversation.id, action: 'remove' });
    const err = await send();
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'invalid_recipient', retryable: false, code: 'BotNotInConversationRoster' });
  });

  it('testConnection: ok with the right tenant; AADSTS700016 and 7000215 explained', async () => {
    expect(await connector.testConnection(config, fetch)).toMatchObject({ ok: true });
    const multi = connector.configSchema.parse({ ...config, tenantId: 'botframework.com', tokenEndpoint: sim.info('botframework.com').tokenEndpoint });
    expect((await connector.testConnection(multi, fetch)).message).toContain('single-tenant bots need the tenant id');
    expect((await connector.testConnection({ ...config, appPassword: 'wrong' }, fetch)).message).toContain('AADSTS7000215');
  });
});
