import { describe, expect, it } from 'vitest';
import { memoryCache } from '../shared/memory-cache';
import { ConnectorError, type OutboundMessage, type SendContext, type SharedCache } from '../types';
import { botframeworkConfigSchema, type BotFrameworkConfig } from './config';
import { sendBotFrameworkMessage } from './send';
import { fakeHttp, json, tokenResponse, type RecordedRequest } from './test-http';

const NOW = new Date('2026-03-10T12:00:00Z');
const config = botframeworkConfigSchema.parse({ appId: '9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a', appPassword: 'p@ss w&rd', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' });
const TOKEN_URL = 'https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token';
const CHANNEL_CONV = '19:abc@thread.tacv2;messageid=1701111111111';
const reference = {
  serviceUrl: 'https://smba.trafficmanager.net/amer/', channelId: 'msteams', conversationId: CHANNEL_CONV,
  botId: '28:9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a', botName: 'SupportBot', userId: '29:1abc', userName: 'Megan Bowen', activityId: '1701111222333',
};
const text = (t: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({ text: t, metadata: 'msg_1', ...extra });

function ctxWith(fetchImpl: typeof fetch, ref: Record<string, unknown> | null = reference, cache: SharedCache = memoryCache()): SendContext<BotFrameworkConfig> {
  return { config, contactExternalId: CHANNEL_CONV, reference: ref, lastInboundAt: NOW, now: NOW, fetch: fetchImpl, fetchUntrusted: fetchImpl, cache };
}
const isToken = (req: RecordedRequest) => req.url === TOKEN_URL;

describe('sendBotFrameworkMessage', () => {
  it('gets a client-credentials token, then replies in the thread with the id URL-encoded', async () => {
    const http = fakeHttp((req) => (isToken(req) ? tokenResponse('tok-1') : json({ id: '1701111999000' })));
    expect(await sendBotFrameworkMessage(ctxWith(http.fetch), text('**Hi** Megan'))).toEqual({ externalId: '1701111999000' });
    const [tokenReq, post] = http.requests;
    expect(tokenReq.method).toBe('POST');
    expect(tokenReq.headers.get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(tokenReq.body))).toEqual({
      grant_type: 'client_credentials', client_id: config.appId, client_secret: 'p@ss w&rd', scope: 'https://api.botframework.com/.default',
    });
    expect(post.url).toBe('https://smba.trafficmanager.net/amer/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1701111111111/activities/1701111222333');
    expect(post.headers.get('authorization')).toBe('Bearer tok-1');
    expect(post.signal).toBeInstanceOf(AbortSignal);
    expect(JSON.parse(post.body)).toEqual({
      type: 'message', from: { id: reference.botId, name: 'SupportBot' }, conversation: { id: CHANNEL_CONV },
      recipient: { id: '29:1abc', name: 'Megan Bowen' }, text: '**Hi** Megan', textFormat: 'markdown', replyToId: '1701111222333',
    });
  });

  it('posts a new activity when the reference has no activity to reply to; an explicit reply target wins', async () => {
    const http = fakeHttp((req) => (isToken(req) ? tokenResponse('tok') : json({ id: 'x' })));
    const { activityId: _a, ...noReply } = reference;
    await sendBotFrameworkMessage(ctxWith(http.fetch, noReply), text('hello'));
    expect(http.requests[1].url).toMatch(/%3D1701111111111\/activities$/);
    await sendBotFrameworkMessage(ctxWith(http.fetch, reference), text('hello', { replyToExternalId: '1701:x;y' }));
    expect(http.requests.at(-1)!.url).toMatch(/\/activities\/1701%3Ax%3By$/);
  });

  it('caches the token (shared cache) until expires_in − 300 s', async () => {
    const cache = memoryCache();
    const http = fakeHttp((req) => (isToken(req) ? tokenResponse('tok', 3600) : json({ id: 'x' })));
    for (let i = 0; i < 3; i++) await sendBotFrameworkMessage(ctxWith(http.fetch, reference, cache), text(`m${i}`));
    expect(http.requests.filter(isToken)).toHaveLength(1);
    const short = fakeHttp((req) => (isToken(req) ? tokenResponse('tok', 200) : json({ id: 'x' })));
    for (let i = 0; i < 2; i++) await sendBotFrameworkMessage(ctxWith(short.fetch, reference, memoryCache()), text(`m${i}`));
    expect(short.requests.filter(isToken)).toHaveLength(2); // too short-lived to cache
  });

  it('refreshes the token once on 401 and retries', async () => {
    let tokens = 0;
    const http = fakeHttp((req) => {
      if (isToken(req)) return tokenResponse(`tok-${++tokens}`);
      return req.headers.get('authorization') === 'Bearer tok-2' ? json({ id: 'ok' }) : json({ error: { code: 'Unauthorized', message: 'token expired' } }, 401);
    });
    expect(await sendBotFrameworkMessage(ctxWith(http.fetch), text('hi'))).toEqual({ externalId: 'ok' });
    expect(http.requests.map((r) => (isToken(r) ? 'token' : r.headers.get('authorization')))).toEqual(['token', 'Bearer tok-1', 'token', 'Bearer tok-2']);
  });

  it('a second 401 is an auth error, not retried again', async () => {
    const http = fakeHttp((req) => (isToken(req) ? tokenResponse('tok') : json({ error: { code: 'Unauthorized', message: 'Authorization has been denied' } }, 401)));
    await expect(sendBotFrameworkMessage(ctxWith(http.fetch), text('hi'))).rejects.toMatchObject({ kind: 'auth', retryable: false });
    expect(http.requests).toHaveLength(4);
  });

  it('attachments: images by URL on Teams, other media as links; every kind by URL on Web Chat', async () => {
    const http = fakeHttp((req) => (isToken(req) ? tokenResponse('tok') : json({ id: 'x' })));
    const attachments = [
      { kind: 'image' as const, url: 'https://cdn.test/a.jpg' },
      { kind: 'file' as const, url: 'https://cdn.test/b.pdf', name: 'b.pdf' },
      { kind: 'link' as const, url: 'https://shop.test/order/42' },
    ];
    await sendBotFrameworkMessage(ctxWith(http.fetch), text('See', { attachments }));
    expect(JSON.parse(http.requests[1].body)).toMatchObject({
      text: 'See\n\n[b.pdf](https://cdn.test/b.pdf)\n\nhttps://shop.test/order/42',
      attachments: [{ contentType: 'image/jpeg', contentUrl: 'https://cdn.test/a.jpg' }],
    });
    await sendBotFrameworkMessage(ctxWith(http.fetch, { ...reference, channelId: 'webchat' }), { metadata: 'm', attachments: attachments.slice(0, 2) });
    const body = JSON.parse(http.requests.at(-1)!.body);
    expect(body.attachments).toEqual([
      { contentType: 'image/jpeg', contentUrl: 'https://cdn.test/a.jpg' },
      { contentType: 'application/pdf', contentUrl: 'https://cdn.test/b.pdf', name: 'b.pdf' },
    ]);
    expect(body).not.toHaveProperty('text');
  });

  it('without a stored address: invalid_recipient asking for the customer to write first, no call made', async () => {
    const http = fakeHttp(() => json({}));
    for (const ref of [null, {}, { ...reference, serviceUrl: undefined }]) {
      const err = await sendBotFrameworkMessage(ctxWith(http.fetch, ref as never), text('hi')).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(ConnectorError);
      expect(err).toMatchObject({ kind: 'invalid_recipient', retryable: false, message: 'This conversation has no Bot Framework address yet: the customer must write first' });
    }
    expect(http.requests).toHaveLength(0);
  });

  it('refuses templates and empty messages before any call', async () => {
    const http = fakeHttp(() => json({}));
    await expect(sendBotFrameworkMessage(ctxWith(http.fetch), { metadata: 'm', template: { name: 't', language: 'en', parameters: [] } })).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(sendBotFrameworkMessage(ctxWith(http.fetch), text('  '))).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(http.requests).toHaveLength(0);
  });

  it('a 2xx without an id still counts as sent, under our own message id', async () => {
    const http = fakeHttp((req) => (isToken(req) ? tokenResponse('tok') : new Response('', { status: 201 })));
    expect(await sendBotFrameworkMessage(ctxWith(http.fetch), text('hi', { metadata: 'msg_77' }))).toEqual({ externalId: 'local:msg_77' });
  });
});
