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
