import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BotFrameworkSimulator, Conversation } from './server';
import { aadToken, BOT, connectorPost, startBotEndpoint, startFastSimulator } from './test-support';

let sim: BotFrameworkSimulator;
let endpoint: Awaited<ReturnType<typeof startBotEndpoint>>;
let token: string;
let channel: Conversation;
const serviceUrl = () => `${sim.url}/amer/`;
const reply = (text = 'On it!') => ({ type: 'message', from: { id: `28:${BOT.appId}` }, conversation: { id: channel.id }, text, textFormat: 'markdown' });
const path = (conversationId: string, replyTo?: string) => `v3/conversations/${encodeURIComponent(conversationId)}/activities${replyTo ? `/${encodeURIComponent(replyTo)}` : ''}`;

beforeAll(async () => {
  sim = await startFastSimulator({ maxActivityBytes: 2000 });
  endpoint = await startBotEndpoint();
});
afterAll(async () => {
  await sim.close();
  await endpoint.close();
});
beforeEach(async () => {
  sim.reset();
  sim.registerBot({ ...BOT, messagingEndpoint: endpoint.url });
  ({ conversation: channel } = await sim.send({ kind: 'message', appId: BOT.appId, conversationType: 'channel', text: 'help', mention: true }));
  token = (await aadToken(sim)).json.access_token;
});

describe('fake Connector', () => {
  it('accepts a reply with %3A/%3B-encoded ids, answers 201 {id} and records it decoded', async () => {
    expect(channel.id).toMatch(/^19:[0-9a-f]+@thread\.tacv2;messageid=\d+$/);
    const res = await connectorPost(serviceUrl(), path(channel.id, '1701111222333'), token, reply());
    expect(res.status).toBe(201);
    expect(res.json.id).toMatch(/^\d{13,}$/);
    expect(sim.sent()).toMatchObject([{ conversationId: channel.id, replyToId: '1701111222333', text: 'On it!', activityId: res.json.id, rawPath: expect.stringContaining('%3Bmessageid%3D') }]);
  });

  it('refuses a raw ";" in the conversation id (the Teams ;messageid= bug)', async () => {
    const res = await connectorPost(serviceUrl(), `v3/conversations/${channel.id.replace('@', '%40')}/activities`, token, reply());
    expect(res).toMatchObject({ status: 400, json: { error: { code: 'BadArgument' } } });
  });

  it('401 without, with an unknown or with a revoked token', async () => {
    expect((await connectorPost(serviceUrl(), path(channel.id), null, reply())).status).toBe(401);
    expect((await connectorPost(serviceUrl(), path(channel.id), 'forged', reply())).status).toBe(401);
    expect(sim.expireTokens({ appId: BOT.appId })).toBe(1);
    expect((await connectorPost(serviceUrl(), path(channel.id), token, reply())).json).toEqual({ message: 'Authorization has been denied for this request.' });
  });

  it('404 for an unknown conversation, 403 once the bot is uninstalled, 413 for oversize, 400 for empty', async () => {
    expect((await connectorPost(serviceUrl(), path('a:1unknown'), token, reply())).json.error.code).toBe('ConversationNotFound');
    expect((await connectorPost(serviceUrl(), path(channel.id), token, { type: 'message' })).json.error.code).toBe('BadArgument');
    expect((await connectorPost(serviceUrl(), path(channel.id), token, reply('x'.repeat(3000)))).status).toBe(413);
    await sim.send({ kind: 'installationUpdate', appId: BOT.appId, conversationId: channel.id, action: 'remove' });
    expect((await connectorPost(serviceUrl(), path(channel.id), token, reply())).json).toEqual({ error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
  });

  it('fails on demand: 429 with Retry-After, then 412, 502, 504, then works again', async () => {
    sim.failNext({ appId: BOT.appId, status: 429, retryAfter: 7 });
    for (const status of [412, 502, 504]) sim.failNext({ appId: BOT.appId, status });
    const throttled = await connectorPost(serviceUrl(), path(channel.id), token, reply());
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('7');
    for (const status of [412, 502, 504]) expect((await connectorPost(serviceUrl(), path(channel.id), token, reply())).status).toBe(status);
    expect((await connectorPost(serviceUrl(), path(channel.id), token, reply())).status).toBe(201);
    expect(sim.sent()).toHaveLength(1);
  });

  it('hangs (hangMs, 15 s by default) then answers 504 GatewayTimeout', async () => {
    sim.failNext({ appId: BOT.appId, hang: true });
    const started = Date.now();
    const res = await connectorPost(serviceUrl(), path(channel.id), token, reply());
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    expect(res).toMatchObject({ status: 504, json: { error: { code: 'GatewayTimeout' } } });
  });
});
