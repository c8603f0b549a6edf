/** Telegram through the real path: simulator webhooks → ingress → worker; replies → Bot API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTelegramSimulator, type TelegramSimulator } from '@/e2e/simulators/telegram/server';
import { setWebhookParams } from '@/lib/channels/telegram/register-webhook';
import { startAppHarness, until, type AppHarness } from '@/lib/testing/app-harness';
import { makeUser } from '@/lib/testing/fixtures';
import type { Actor } from './actor';

const BOT = { token: '6101234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1', username: 'acme_support_bot' };
const SECRET = 'int-test-secret_token';
let app: AppHarness;
let sim: TelegramSimulator;
let agent: Actor;
let inboxId: string;
let db: typeof import('@/lib/db');

beforeAll(async () => {
  app = await startAppHarness();
  db = await import('@/lib/db');
  sim = await startTelegramSimulator({ allowHttpWebhooks: true });
  sim.registerBot(BOT);
  const { createInbox } = await import('./inboxes');
  const admin = await makeUser('admin');
  agent = await makeUser('agent');
  const inbox = await createInbox(admin, { channel: 'telegram', name: 'Bot', config: { botToken: BOT.token, secretToken: SECRET, apiBaseUrl: sim.url } });
  inboxId = inbox.id;
  // What registerWebhook sends (the connector itself insists on https, which a local test has not).
  const res = await fetch(`${sim.url}/bot${BOT.token}/setWebhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(setWebhookParams({ secretToken: SECRET }, inbox.webhookUrl)) });
  expect((await res.json()).ok).toBe(true);
});
afterAll(async () => {
  await sim?.close();
  await app?.close();
});

const conversation = () => until(() => db.db().conversation.findFirst({ where: { inboxId }, include: { messages: { orderBy: { timestamp: 'asc' } }, identity: true } }));

describe('Telegram channel', () => {
  it('a user writes with emoji, edits it (same message), and the agent reply reaches the chat', async () => {
    const sent = sim.userSends({ bot: BOT.username, from: { firstName: 'Ana', id: 427770117 }, text: 'Hi 👋 where is my order?' });
    const first = await until(async () => (await conversation()).messages.length > 0 && conversation());
    expect(first.messages[0].text).toBe('Hi 👋 where is my order?');
    sim.userEdits({ bot: BOT.username, chatId: sent.chatId, messageId: sent.messageId, text: 'Hi 👋 where is order #42?' });
    const edited = await until(async () => { const c = await conversation(); return c.messages[0].editedAt && c; });
    expect(edited.messages.map((m) => m.text)).toEqual(['Hi 👋 where is order #42?']);

    const { createReply } = await import('./messages');
    const reply = await createReply(agent, first.id, { text: '<b>On its way</b> 🚚' });
    const [out] = await sim.waitForSent({ bot: BOT.username, count: 1 });
    expect(out).toMatchObject({ method: 'sendMessage', text: '<b>On its way</b> 🚚' });
    expect(out.parseMode).toBeUndefined(); // agents' text is never parsed as HTML
    await until(async () => (await db.db().message.findUniqueOrThrow({ where: { id: reply.id } })).status === 'sent');
  });

  it('a user who blocks the bot is shown as unreachable; a reply is refused before sending', async () => {
    const c = await conversation();
    sim.setBlocked({ bot: BOT.username, chatId: Number(c.identity.externalId), blocked: true });
    await until(async () => (await db.db().contactIdentity.findUniqueOrThrow({ where: { id: c.identityId } })).unreachable);
    const { createReply } = await import('./messages');
    await expect(createReply(agent, c.id, { text: 'still there?' })).rejects.toMatchObject({ code: 'unreachable' });
  });

  it('refuses webhooks without the secret token and stores nothing', async () => {
    const before = await db.db().inboundEvent.count();
    const inbox = await db.db().inbox.findUniqueOrThrow({ where: { id: inboxId } });
    const url = `${app.publicUrl}/api/webhooks/telegram/${inbox.webhookKey}`;
    const body = JSON.stringify({ update_id: 1, message: { message_id: 1, date: 1, chat: { id: 1, type: 'private' }, text: 'x' } });
    expect((await fetch(url, { method: 'POST', body })).status).toBe(401);
    expect((await fetch(url, { method: 'POST', body, headers: { 'x-telegram-bot-api-secret-token': 'wrong' } })).status).toBe(403);
    expect(await db.db().inboundEvent.count()).toBe(before);
  });
});
