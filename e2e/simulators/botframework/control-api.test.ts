import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BotFrameworkSimulator } from './server';
import { BOT, startBotEndpoint, startFastSimulator } from './test-support';

let sim: BotFrameworkSimulator;
let endpoint: Awaited<ReturnType<typeof startBotEndpoint>>;
let slow = false;

const call = async (method: string, path: string, body?: unknown) => {
  const res = await fetch(`${sim.url}${path}`, { method, headers: { 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, text, json: (() => { try { return JSON.parse(text); } catch { return undefined; } })() as any };
};
const activity = (input: Record<string, unknown>) => call('POST', '/_sim/activities', { appId: BOT.appId, ...input });

beforeAll(async () => {
  sim = await startFastSimulator({ deliveryTimeoutMs: 300 });
  endpoint = await startBotEndpoint(async (r) => {
    if (slow) await new Promise((resolve) => setTimeout(resolve, 600));
    return r.activity.type === 'invoke' ? { status: 200, body: '{}' } : { status: 200 };
  });
});
afterAll(async () => {
  await sim.close();
  await endpoint.close();
});
beforeEach(async () => {
  slow = false;
  await call('POST', '/_sim/reset', {});
  expect((await call('POST', '/_sim/bots', { ...BOT, messagingEndpoint: endpoint.url })).status).toBe(201);
});

describe('control API', () => {
  it('400 with readable messages on bad input', async () => {
    const bad = await call('POST', '/_sim/bots', { appId: 'my-bot', password: '' });
    expect(bad.status).toBe(400);
    expect(bad.json.error).toMatch(/appId must be a GUID/);
    expect((await activity({ kind: 'message' })).json.error).toMatch(/needs text, cardSubmit or attachment/);
    expect((await activity({ kind: 'teleport' })).status).toBe(400);
    expect((await activity({ kind: 'message', text: 'hi', token: 'sort-of' })).status).toBe(400);
    expect((await call('POST', '/_sim/fail-next', { appId: BOT.appId })).json.error).toMatch(/HTTP status/);
    expect((await call('POST', '/_sim/activities', { kind: 'message', text: 'hi', appId: '00000000-0000-4000-8000-000000000000' })).json.error).toMatch(/no bot registered/);
    expect((await call('GET', '/_sim/nope')).status).toBe(404);
  });

  it('user text with a mention: Teams markup, mention entity and the text/html copy', async () => {
    const { json } = await activity({ kind: 'message', text: 'my laptop is broken', mention: true, conversationType: 'channel' });
    expect(json.delivery).toMatchObject({ status: 200, tokenVariant: 'valid' });
    expect(json.activity).toMatchObject({
      type: 'message', channelId: 'msteams', text: '<at>SupportBot</at> my laptop is broken',
      conversation: { id: expect.stringMatching(/;messageid=\d+$/), conversationType: 'channel', isGroup: true },
      recipient: { id: `28:${BOT.appId}`, name: 'SupportBot' }, timestamp: expect.stringMatching(/\.\d{7}Z$/),
      entities: expect.arrayContaining([{ type: 'mention', mentioned: { id: `28:${BOT.appId}`, name: 'SupportBot' }, text: '<at>SupportBot</at>' }]),
    });
    expect(json.activity.attachments[0].contentType).toBe('text/html');
    const escaped = await activity({ kind: 'message', text: 'again', mention: 'escaped', conversationId: json.conversation.id });
    expect(escaped.json.activity.text).toBe('&lt;at&gt;SupportBot&lt;/at&gt; again');
  });

  it('card submits, attachments, reactions, conversation and installation updates, read receipts, invoke', async () => {
    const first = (await activity({ kind: 'message', cardSubmit: { rating: '5' }, user: { name: 'Ana Lima' } })).json;
    expect(first.activity).toMatchObject({ value: { rating: '5' } });
    expect(first.activity).not.toHaveProperty('text');
    const conversationId = first.conversation.id;
    expect(conversationId).toMatch(/^a:1/);
    const on = (input: Record<string, unknown>) => activity({ conversationId, ...input }).then((r) => r.json.activity);
    expect((await on({ kind: 'message', attachment: { kind: 'teams-file', url: 'https://files.test/a/report.pdf' } })).attachments[0])
      .toMatchObject({ contentType: 'application/vnd.microsoft.teams.file.download.info', name: 'report.pdf', content: { downloadUrl: expect.stringContaining('download=1'), fileType: 'pdf' } });
    expect(await on({ kind: 'reaction', replyToId: '1701', reaction: 'heart', removed: true })).toMatchObject({ type: 'messageReaction', replyToId: '1701', reactionsRemoved: [{ type: 'heart' }] });
    expect(await on({ kind: 'conversationUpdate', change: 'botAdded' })).toMatchObject({ type: 'conversationUpdate', membersAdded: [{ id: `28:${BOT.appId}` }], id: expect.stringMatching(/^f:/) });
    expect(await on({ kind: 'readReceipt', lastReadMessageId: '1701' })).toMatchObject({ type: 'event', name: 'application/vnd.microsoft.readReceipt', value: { lastReadMessageId: '1701' } });
    expect(await on({ kind: 'installationUpdate', action: 'remove' })).toMatchObject({ type: 'installationUpdate', action: 'remove' });
    expect((await call('GET', `/_sim/conversations?appId=${BOT.appId}`)).json).toMatchObject([{ id: conversationId, installed: false, user: { name: 'Ana Lima' } }]);
    const invoke = await activity({ conversationId, kind: 'invoke', value: { verb: 'approve' } });
    expect(invoke.json.delivery).toMatchObject({ status: 200, responseBody: '{}' });
    expect((await call('GET', `/_sim/deliveries?conversationId=${encodeURIComponent(conversationId)}`)).json).toHaveLength(7);
  });

  it('gives up on a slow messaging endpoint (the Connector\'s ~15 s, shortened here)', async () => {
    slow = true;
    const { json } = await activity({ kind: 'message', text: 'anyone?' });
    expect(json.delivery).toMatchObject({ status: null, error: 'no response within 300 ms' });
  });

  it('info names the endpoints to configure; rotate, expire and reset work over HTTP; chat page at /', async () => {
    const info = (await call('GET', `/_sim/info?tenantId=${BOT.tenantId}`)).json;
    expect(info).toMatchObject({ openIdMetadataUrl: `${sim.url}/v1/.well-known/openidconfiguration`, tokenEndpoint: `${sim.url}/${BOT.tenantId}/oauth2/v2.0/token` });
    expect((await call('POST', '/_sim/keys/rotate', {})).json).toEqual({ kid: expect.stringMatching(/^sim-key-\d+$/) });
    expect((await call('POST', '/_sim/tokens/expire', {})).json).toEqual({ revoked: 0 });
    await call('POST', '/_sim/reset', { keepBots: true });
    expect((await call('GET', '/_sim/bots')).json).toHaveLength(1);
    expect((await call('GET', '/_sim/sent?count=1&waitMs=50')).json).toEqual([]);
    const page = await call('GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Bot Framework simulator</title>');
    expect((await fetch(`${sim.url}/_sim/media/pixel.png`)).headers.get('content-type')).toBe('image/png');
  });
});
