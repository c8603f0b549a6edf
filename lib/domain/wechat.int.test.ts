/** WeChat (safe mode) through the real path: encrypted pushes → ingress → worker; replies → CS API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWeChatSimulator, type WeChatSimulator } from '@/e2e/simulators/wechat/server';
import { startAppHarness, until, type AppHarness } from '@/lib/testing/app-harness';
import { makeUser } from '@/lib/testing/fixtures';
import type { Actor } from './actor';

const ACCOUNT = {
  appId: 'wx5e1a0b2c3d4e5f60', appSecret: 'sim0app0secret0123456789abcdef00', ghId: 'gh_5e1a0b2c3d4e', name: 'Acme',
  token: 'simToken0123456789', encodingAesKey: 'simEncodingAesKey0123456789abcdefghijklmnop', mode: 'safe' as const,
};
let app: AppHarness;
let sim: WeChatSimulator;
let agent: Actor;
let inboxId: string;
let db: typeof import('@/lib/db');

beforeAll(async () => {
  app = await startAppHarness();
  db = await import('@/lib/db');
  sim = await startWeChatSimulator();
  const { createInbox } = await import('./inboxes');
  const admin = await makeUser('admin');
  agent = await makeUser('agent');
  const { appId, appSecret, token, encodingAesKey, mode } = ACCOUNT;
  const inbox = await createInbox(admin, { channel: 'wechat', name: 'WeChat', config: { appId, appSecret, token, encodingAesKey, mode, apiBaseUrl: sim.url, windowMessageCap: 2 } });
  inboxId = inbox.id;
  const { verification } = await sim.registerAccount({ ...ACCOUNT, webhookUrl: inbox.webhookUrl });
  expect(verification?.verified).toBe(true); // GET echostr handshake against the real ingress
});
afterAll(async () => {
  await sim?.close();
  await app?.close();
});

describe('WeChat channel', () => {
  it('a follower writes (19-digit MsgId kept exact), the agent replies through the customer-service API', async () => {
    const pushed = await sim.followerSends({ appId: ACCOUNT.appId, type: 'text', content: '你好 <b>&amp; 😀', name: 'Li' });
    const c = await until(() => db.db().conversation.findFirst({ where: { inboxId }, include: { messages: true } }));
    expect(c.messages[0].text).toBe('你好 <b>&amp; 😀');
    expect(c.messages[0].externalId).toMatch(/^\d{19}$/);
    expect(JSON.stringify(pushed)).toContain(c.messages[0].externalId!);

    const { createReply } = await import('./messages');
    const reply = await createReply(agent, c.id, { text: '您好！' });
    await until(async () => (await db.db().message.findUniqueOrThrow({ where: { id: reply.id } })).status === 'sent');
    expect(sim.sent({ appId: ACCOUNT.appId }).map((s) => s.text)).toEqual(['您好！']);
  });

  it('enforces the per-window reply cap before sending, and a new message from the follower reopens it', async () => {
    const c = await db.db().conversation.findFirstOrThrow({ where: { inboxId } });
    const { createReply } = await import('./messages');
    const second = await createReply(agent, c.id, { text: 'second' });
    await until(async () => (await db.db().message.findUniqueOrThrow({ where: { id: second.id } })).status === 'sent');
    await expect(createReply(agent, c.id, { text: 'third' })).rejects.toMatchObject({ code: 'window_closed' });
  });

  it('records unfollow and makes the follower unreachable', async () => {
    const follower = sim.followers(ACCOUNT.appId)[0];
    await sim.followerSends({ appId: ACCOUNT.appId, openId: follower.openId, type: 'unsubscribe' });
    const identity = await until(async () => { const i = await db.db().contactIdentity.findFirstOrThrow({ where: { inboxId } }); return i.unreachable && i; });
    expect(identity.externalId).toBe(follower.openId);
  });
});

describe('WeChat replay window and token length (plain mode, through the real ingress over HTTP)', () => {
  const PLAIN = { appId: 'wx5e1a0b2c3d4e5f70', appSecret: 'plain0secret', token: 'plainToken12345', mode: 'plain' as const };
  let plain: { id: string; webhookUrl: string };
  let wechat: typeof import('@/lib/channels/wechat/config');
  let support: typeof import('@/lib/channels/wechat/test-support');
  const text = (msgId: string, content: string) =>
    `<xml><ToUserName><![CDATA[gh_5e1a0b2c3d4e]]></ToUserName><FromUserName><![CDATA[oReplayTest0000000000000001]]></FromUserName><CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${content}]]></Content><MsgId>${msgId}</MsgId></xml>`;
  /** POSTs what WeChat would send to `webhookUrl`: the signed query and the body, as given. */
  const post = async (webhookUrl: string, req: { url: URL; rawBody: Buffer }) => {
    const res = await fetch(`${webhookUrl}${req.url.search}`, { method: 'POST', headers: { 'content-type': 'text/xml' }, body: new Uint8Array(req.rawBody) });
    return { status: res.status, body: await res.text() };
  };
  const events = (id: string) => db.db().inboundEvent.count({ where: { inboxId: id } });

  beforeAll(async () => {
    wechat = await import('@/lib/channels/wechat/config');
    support = await import('@/lib/channels/wechat/test-support');
    const { createInbox } = await import('./inboxes');
    plain = await createInbox(await makeUser('admin'), { channel: 'wechat', name: 'WeChat plain', config: { ...PLAIN, apiBaseUrl: sim.url } });
  });

  it("acknowledges WeChat's retry of a stored message, refuses the same nonce with another message, and old timestamps", async () => {
    const config = wechat.wechatConfigSchema.parse(PLAIN);
    const first = support.signedWebhook(config, text('7000000000000000001', 'real'), { nonce: '1234509876' });
    expect(await post(plain.webhookUrl, first)).toEqual({ status: 200, body: 'success' });
    const stored = await until(() => db.db().message.findFirst({ where: { inboxId: plain.id, externalId: '7000000000000000001' } }));
    // WeChat got no answer in 5 s and sends the very same request again: still `success`, no second message.
    expect(await post(plain.webhookUrl, first)).toEqual({ status: 200, body: 'success' });
    expect(await events(plain.id)).toBe(1);

    // Someone re-uses the captured signature (timestamp + nonce) for a message of their own.
    const forged = { ...first, rawBody: Buffer.from(text('7000000000000000002', 'forged')) };
    const refused = await post(plain.webhookUrl, forged);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.body)).toEqual({ error: { code: 'forbidden', message: 'nonce already used for another message within 5 minutes: refused as a replay' } });

    const old = support.signedWebhook(config, text('7000000000000000003', 'old'), { timestamp: String(Math.floor(Date.now() / 1000) - 600) });
    expect((await post(plain.webhookUrl, old)).status).toBe(403);
    const future = support.signedWebhook(config, text('7000000000000000004', 'future'), { timestamp: String(Math.floor(Date.now() / 1000) + 600) });
    expect((await post(plain.webhookUrl, future)).status).toBe(403);
    expect(await events(plain.id)).toBe(1);
    expect(await db.db().message.count({ where: { inboxId: plain.id } })).toBe(1);
    expect(stored.text).toBe('real');
  });

  it('of many concurrent requests re-using one nonce for different messages, exactly one is accepted', async () => {
    const config = wechat.wechatConfigSchema.parse(PLAIN);
    const before = await events(plain.id);
    const timestamp = String(Math.floor(Date.now() / 1000));
    const variants = Array.from({ length: 12 }, (_, i) => support.signedWebhook(config, text(`71000000000000000${String(i).padStart(2, '0')}`, `variant ${i}`), { timestamp, nonce: '999000111' }));
    const results = await Promise.all(variants.map((req) => post(plain.webhookUrl, req)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 403)).toHaveLength(11);
    expect(await events(plain.id)).toBe(before + 1);
  });

  it('refuses a token shorter than 8 for a new inbox; an existing inbox with a 6-character token keeps working', async () => {
    const { createInbox } = await import('./inboxes');
    const admin = await makeUser('admin');
    await expect(createInbox(admin, { channel: 'wechat', name: 'Short', config: { ...PLAIN, token: 'abc1234' } })).rejects.toMatchObject({
      code: 'invalid_config', status: 400, message: expect.stringContaining('token: Token must be at least 8 letters or digits for a new inbox'),
    });

    // An inbox created before the rule (WeChat itself allows 3 to 32 characters).
    const { encryptJson } = await import('@/lib/crypto/secrets');
    const { runtimeEnv } = await import('@/lib/env');
    const legacy = await db.db().inbox.create({
      data: {
        channel: 'wechat', name: 'Legacy', webhookKey: 'legacyWeChatInboxKey01',
        config: { appId: 'wx5e1a0b2c3d4e5f71', token: '123456', mode: 'plain', apiBaseUrl: sim.url, windowMessageCap: 5 },
        secrets: encryptJson(runtimeEnv().APP_SECRET, { appSecret: 'legacy-secret' }),
      },
    });
    const legacyUrl = `${app.publicUrl}/api/webhooks/wechat/${legacy.webhookKey}`;
    const config = wechat.wechatConfigSchema.parse({ appId: 'wx5e1a0b2c3d4e5f71', appSecret: 'legacy-secret', token: '123456', mode: 'plain' });
    expect(await post(legacyUrl, support.signedWebhook(config, text('7000000000000000010', 'still here')))).toEqual({ status: 200, body: 'success' });
    await until(() => db.db().message.findFirst({ where: { inboxId: legacy.id, externalId: '7000000000000000010' } }));
  });
});
