/**
 * lib/channels/wechat against the simulator over real HTTP, in safe mode: the connector's
 * handshake/verify/parse/ack behind a small server (standing in for Switchboard's ingress), and
 * its send/testConnection against the fake API.
 */
import { createServer } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wechatConnector, type WeChatConfig } from '../../../lib/channels/wechat';
import { memoryCache } from '../../../lib/channels/shared/memory-cache';
import { ConnectorError, type InboundMessageEvent, MalformedPayloadError, type NormalizedEvent, type OutboundMessage, type SharedCache } from '../../../lib/channels/types';
import { closeServer, listen, readBody } from '../http';
import type { WeChatSimulator } from './server';
import { fetchToken, startFastSimulator } from './test-support';
import { untrustedFetch } from '@/lib/net';

const APP_ID = 'wx7c1f0e9d8b6a5c43';
const TRICKY = 'Hello <b>&amp;</b> "quoted" ]]> 😀 /::) [Smile]';

/** The ingress in miniature: verify before anything, dedupe on dedupeKey, answer ack(). */
async function startApp(config: WeChatConfig, opts: { slowFirstPostMs?: number } = {}) {
  const stored = new Map<string, NormalizedEvent>();
  let posts = 0;
  const server = createServer(async (req, res) => {
    const rawBody = await readBody(req);
    const request = { method: req.method ?? 'GET', url: new URL(req.url ?? '/', 'http://app.test'), headers: new Headers(req.headers as Record<string, string>), rawBody };
    const reply = (status: number, body: string) => res.writeHead(status, { 'Content-Type': 'text/plain' }).end(body);
    if (request.method === 'GET') {
      const handshake = wechatConnector.handshake(request, config);
      return handshake ? reply(handshake.status, handshake.body) : reply(404, 'not found');
    }
    posts += 1;
    if (posts === 1 && opts.slowFirstPostMs) await new Promise((r) => setTimeout(r, opts.slowFirstPostMs));
    const verdict = await wechatConnector.verify(request, config, { fetch, fetchUntrusted: untrustedFetch(), now: () => new Date(), cache: memoryCache() });
    if (!verdict.ok) return reply(verdict.status, verdict.reason);
    try {
      for (const event of wechatConnector.parse(request, config)) if (!stored.has(event.dedupeKey)) stored.set(event.dedupeKey, event);
    } catch (err) {
      return reply(err instanceof MalformedPayloadError ? 400 : 500, String(err));
    }
    const ack = wechatConnector.ack(request, config);
    reply(ack.status, ack.body);
  });
  const base = await listen(server, 0, '127.0.0.1');
  return { url: `${base}/api/webhooks/wechat/inbox_7`, stored, posts: () => posts, close: () => closeServer(server) };
}

describe('WeChat connector ⇄ simulator, safe mode, over HTTP', () => {
  let sim: WeChatSimulator;
  let app: Awaited<ReturnType<typeof startApp>>;
  let config: WeChatConfig;
  const cache: SharedCache = memoryCache();
  let openId = '';
  let lastInboundAt = new Date();

  const send = (message: Partial<OutboundMessage>, now = new Date()) =>
    wechatConnector.send({ config, contactExternalId: openId, reference: null, lastInboundAt, now, fetch, fetchUntrusted: untrustedFetch(), cache }, { metadata: 'msg_1', ...message });

  beforeAll(async () => {
    sim = await startFastSimulator({ replyDeadlineMs: 400, attemptSpacingMs: 450 });
    // What an admin does: create the inbox (token and EncodingAESKey generated), paste them into WeChat.
    config = wechatConnector.configSchema.parse({ appId: APP_ID, appSecret: 'e2e-secret', mode: 'safe', apiBaseUrl: sim.url });
    app = await startApp(config, { slowFirstPostMs: 700 });
    const { verification } = await sim.registerAccount({ appId: APP_ID, appSecret: 'e2e-secret', token: config.token, encodingAesKey: config.encodingAesKey, mode: 'safe', webhookUrl: app.url });
    expect(verification).toMatchObject({ verified: true, status: 200 });
  });
  afterAll(async () => {
    await sim?.close();
    await app?.close();
  });

  it('receives a message through a retry: one stored event, exact text, MsgId as the 19-digit string', async () => {
    const result = await sim.followerSends({ appId: APP_ID, type: 'text', content: TRICKY, wait: true });
    openId = result.openId;
    expect(result.push.attempts.map((a) => a.verdict)).toEqual(['timeout', 'ok']);
    expect(app.posts()).toBe(2);
    const events = [...app.stored.values()];
    expect(events).toEqual([expect.objectContaining({ type: 'message', externalId: result.msgId, dedupeKey: result.msgId, text: TRICKY, contact: { externalId: openId } })]);
    expect(result.msgId).toMatch(/^\d{19}$/);
    lastInboundAt = events[0].timestamp;
  });

  it('parses follow, menu click and image pushes', async () => {
    for (const action of [{ type: 'subscribe', qrScene: 'poster7' }, { type: 'click', eventKey: 'TALK_TO_AGENT' }, { type: 'image' }] as const) {
      expect((await sim.followerSends({ appId: APP_ID, openId, ...action, wait: true })).push.outcome).toBe('ok');
    }
    const events = [...app.stored.values()].slice(1);
    expect(events).toEqual([
      expect.objectContaining({ type: 'contact_state', state: 'subscribed', reference: { qrScene: 'poster7' } }),
      expect.objectContaining({ type: 'message', postback: { payload: 'TALK_TO_AGENT' } }),
      expect.objectContaining({ type: 'message', attachments: [expect.objectContaining({ kind: 'image', url: `${sim.url}/_sim/media/image.png`, providerMediaId: expect.any(String) })] }),
    ]);
  });

  it('fetches a voice message’s media by MediaId (fetchMedia → /cgi-bin/media/get)', async () => {
    await sim.followerSends({ appId: APP_ID, openId, type: 'voice', recognition: '你好', wait: true });
    const voice = [...app.stored.values()].at(-1)!;
    expect(voice).toMatchObject({ type: 'message', text: '你好', attachments: [{ kind: 'audio', mimeType: 'audio/amr', providerMediaId: expect.any(String) }] });
    const [attachment] = (voice as InboundMessageEvent).attachments;
    const res = await wechatConnector.fetchMedia!(config, attachment, { fetch, fetchUntrusted: untrustedFetch(), now: () => new Date(), cache });
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 6).toString()).toBe('#!AMR\n');
  });

  it('sends text and an uploaded image with one shared token', async () => {
    const text = await send({ text: TRICKY });
    expect(text.externalId).toMatch(/^wx-\d+-[0-9a-f]{12}$/);
    await send({ attachments: [{ kind: 'image', url: `${sim.url}/_sim/media/image.png`, name: 'chart' }] });
    const sent = sim.sent({ appId: APP_ID, openId });
    expect(sent.map((m) => [m.msgtype, m.text])).toEqual([['text', TRICKY], ['image', undefined]]);
    const media = sim.media(sent[1].mediaId!)!;
    expect(media).toMatchObject({ type: 'image', filename: 'chart.png', contentType: 'image/png' });
    expect(sim.tokenLog(APP_ID).filter((t) => t.errcode === 0)).toHaveLength(1);
  });

  it('recovers when another process fetched a token and the overlap ran out (40001 → refresh → retry once)', async () => {
    await fetchToken(sim, APP_ID, 'e2e-secret'); // someone else refreshes
    sim.advanceClock({ seconds: 301 });
    await sim.followerSends({ appId: APP_ID, openId, type: 'text', content: 'still there?', wait: true }); // keep the window open
    await send({ text: 'after the overlap' });
    expect(sim.sent({ appId: APP_ID, openId }).at(-1)?.text).toBe('after the overlap');
    expect(sim.tokenLog(APP_ID).filter((t) => t.errcode === 0)).toHaveLength(3);
  });

  it('maps the platform’s 45047 cap and 45015 window to window_closed', async () => {
    for (let i = 0; i < 4; i++) await send({ text: `reply ${i}` });
    const capped = await send({ text: 'one too many' }).catch((e: unknown) => e);
    expect(capped).toBeInstanceOf(ConnectorError);
    expect(capped).toMatchObject({ kind: 'window_closed', code: '45047', message: 'Reply limit reached for this window: wait for the customer to write again' });
    await sim.followerSends({ appId: APP_ID, openId, type: 'text', content: 'again', wait: true });
    sim.advanceClock({ hours: 48 });
    // Switchboard's clock is not advanced, so only the platform knows the window closed.
    await expect(send({ text: 'late' })).rejects.toMatchObject({ kind: 'window_closed', code: '45015', message: 'The 48-hour reply window closed (or the user unfollowed)' });
  });

  it('testConnection succeeds against the simulator and explains a wrong AppSecret', async () => {
    expect(await wechatConnector.testConnection(config, fetch, { fetch, fetchUntrusted: untrustedFetch(), now: () => new Date(), cache })).toMatchObject({ ok: true });
    const wrong = await wechatConnector.testConnection({ ...config, appSecret: 'nope' }, fetch);
    expect(wrong).toMatchObject({ ok: false, details: { errcode: '40125' } });
    expect(wrong.message).toMatch(/AppSecret/);
  });
});
