import { memoryCache } from '../shared/memory-cache';
import { describe, expect, it } from 'vitest';
import { ConnectorError, type OutboundMessage, type SendContext } from '../types';
import { hmacSha256Hex } from '../shared/hmac';
import { messengerConfigSchema, type MessengerConfig } from './config';
import { fakeGraph, graphJson } from './fake-graph';
import { sendMessengerMessage } from './send';

const NOW = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);
const baseConfig = messengerConfigSchema.parse({
  pageId: '404217156637689', pageAccessToken: 'EAAtoken+/=', appSecret: 'app_secret', apiBaseUrl: 'http://graph.test/sim/',
});

function ctxWith(fetchImpl: typeof fetch, lastInboundAt: Date | null, config: Partial<MessengerConfig> = {}): SendContext<MessengerConfig> {
  return { config: { ...baseConfig, ...config }, contactExternalId: '1423587017700273', reference: null, lastInboundAt, now: NOW, fetch: fetchImpl, fetchUntrusted: fetchImpl, cache: memoryCache() };
}
const text = (t: string): OutboundMessage => ({ text: t, metadata: 'msg_42' });
const ok = (id = 'm_sent_1') => graphJson({ recipient_id: '1423587017700273', message_id: id });

describe('sendMessengerMessage', () => {
  it('posts a RESPONSE text inside 24 h, with token, appsecret_proof, metadata and a timeout signal', async () => {
    const graph = fakeGraph(() => ok());
    const result = await sendMessengerMessage(ctxWith(graph.fetch, hoursAgo(23.9)), text('Hello!'));
    expect(result).toEqual({ externalId: 'm_sent_1' });
    const [req] = graph.requests;
    expect(req.method).toBe('POST');
    expect(`${req.url.origin}${req.url.pathname}`).toBe('http://graph.test/sim/v23.0/me/messages');
    expect(req.url.searchParams.get('access_token')).toBe('EAAtoken+/=');
    expect(req.url.searchParams.get('appsecret_proof')).toBe(hmacSha256Hex('app_secret', 'EAAtoken+/='));
    expect(req.url.searchParams.get('appsecret_proof')).toMatch(/^[0-9a-f]{64}$/);
    expect(req.body).toEqual({
      recipient: { id: '1423587017700273' }, messaging_type: 'RESPONSE', message: { text: 'Hello!', metadata: 'msg_42' },
    });
    expect(req.signal).toBeInstanceOf(AbortSignal);
  });

  it('uses MESSAGE_TAG + HUMAN_AGENT between 24 h and 7 days when enabled', async () => {
    const graph = fakeGraph(() => ok());
    await sendMessengerMessage(ctxWith(graph.fetch, hoursAgo(24 * 6.9), { humanAgentTag: true }), text('Following up'));
    expect(graph.requests[0].body).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });
  });

  it.each([
    ['after 24 h without the tag', hoursAgo(24), false],
    ['after 7 days with the tag', hoursAgo(24 * 7), true],
    ['before the customer ever wrote', null, false],
  ])('throws window_closed %s without calling Meta', async (_name, last, humanAgentTag) => {
    const graph = fakeGraph(() => ok());
    const err = await sendMessengerMessage(ctxWith(graph.fetch, last, { humanAgentTag }), text('late')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'window_closed', retryable: false });
    expect((err as Error).message).toMatch(/accepts no free-form replies|has not written yet/);
    expect(graph.requests).toHaveLength(0);
  });

  it('rejects text over 2000 characters and templates before any call', async () => {
    const graph = fakeGraph(() => ok());
    const ctx = ctxWith(graph.fetch, hoursAgo(1));
    await expect(sendMessengerMessage(ctx, text('x'.repeat(2001)))).rejects.toMatchObject({ kind: 'invalid_request', retryable: false });
    await expect(sendMessengerMessage(ctx, { metadata: 'm', template: { name: 't', language: 'en', parameters: [] } }))
      .rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(sendMessengerMessage(ctx, { metadata: 'm', text: '  ' })).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(graph.requests).toHaveLength(0);
    await sendMessengerMessage(ctx, text('x'.repeat(2000)));
    expect(graph.requests).toHaveLength(1);
  });

  it('sends text first, then each attachment by URL, and returns the first message id', async () => {
    const graph = fakeGraph((_req, i) => ok(`m_part_${i}`));
    const result = await sendMessengerMessage(ctxWith(graph.fetch, hoursAgo(1)), {
      text: 'Here you go', metadata: 'msg_7',
      attachments: [{ kind: 'image', url: 'https://cdn.test/a.jpg' }, { kind: 'file', url: 'https://cdn.test/b.pdf', name: 'b.pdf' }],
    });
    expect(result).toEqual({ externalId: 'm_part_0' });
    expect(graph.requests.map((r) => (r.body as { message: unknown }).message)).toEqual([
      { text: 'Here you go', metadata: 'msg_7' },
      { attachment: { type: 'image', payload: { url: 'https://cdn.test/a.jpg', is_reusable: true } }, metadata: 'msg_7' },
      { attachment: { type: 'file', payload: { url: 'https://cdn.test/b.pdf', is_reusable: true } }, metadata: 'msg_7' },
    ]);
  });

  it('does not auto-retry when a later part fails after earlier parts went out', async () => {
    const graph = fakeGraph((_req, i) => (i === 0 ? ok() : graphJson({ error: { code: 1200, message: 'Temporary' } }, 500)));
    const err = await sendMessengerMessage(ctxWith(graph.fetch, hoursAgo(1)), {
      text: 'a', metadata: 'm', attachments: [{ kind: 'video', url: 'https://cdn.test/v.mp4' }],
    }).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'provider', retryable: false, code: '1200' });
    expect((err as Error).message).toMatch(/^Part 2 of 2 was not sent/);
  });

  it('treats a 200 without message_id as a non-retryable provider error', async () => {
    const graph = fakeGraph(() => graphJson({ recipient_id: '1' }));
    await expect(sendMessengerMessage(ctxWith(graph.fetch, hoursAgo(1)), text('hi'))).rejects.toMatchObject({ kind: 'provider', retryable: false });
  });
});
