/**
 * Bot Framework through the real path: the simulator's Connector posts signed activities to the
 * app's webhook over HTTP, the worker stores the conversation reference, a reply goes back to the
 * conversation's own serviceUrl with a client-credentials token. Real Postgres and pg-boss.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBotFrameworkSimulator, type BotFrameworkSimulator } from '@/e2e/simulators/botframework/server';
import { useTestDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/fixtures';
import type { Actor } from './actor';

const BOT = { appId: '9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a', password: 'secret~0123456789', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47' };
let sim: BotFrameworkSimulator;
let server: Server;
let db: typeof import('@/lib/db');
let agent: Actor;
let inboxId: string;

beforeAll(async () => {
  server = createServer((req, res) => void import('@/lib/server/node-webhook').then((m) => m.serveWebhook(req, res)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.PUBLIC_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await useTestDatabase();
  db = await import('@/lib/db');
  sim = await startBotFrameworkSimulator();
  const info = sim.info(BOT.tenantId);
  const { createInbox } = await import('./inboxes');
  const admin = await makeUser('admin');
  agent = await makeUser('agent');
  const inbox = await createInbox(admin, { channel: 'botframework', name: 'Teams', config: { appId: BOT.appId, appPassword: BOT.password, tenantId: BOT.tenantId, openIdMetadataUrl: info.openIdMetadataUrl, tokenEndpoint: info.tokenEndpoint } });
  inboxId = inbox.id;
  sim.registerBot({ ...BOT, messagingEndpoint: inbox.webhookUrl });
  const { boss } = await import('@/lib/jobs/boss');
  const { startWorking } = await import('@/worker/registry');
  await startWorking(await boss({ listen: true }), 4);
});

afterAll(async () => {
  await sim?.close();
  await (await import('@/lib/jobs/boss')).stopBoss();
  await db?.closeDb();
  server?.close();
});

async function until<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Bot Framework channel', () => {
  it('a Teams user writes (mention cleaned), the agent replies into the same conversation via its serviceUrl', async () => {
    const result = await sim.send({ kind: 'message', appId: BOT.appId, text: 'I need help with my order', mention: true, user: { name: 'Megan Bowen' } });
    expect(result.delivery.status).toBe(200);
    const conversation = await until(() => db.db().conversation.findFirst({ where: { inboxId }, include: { messages: true, contact: true } }));
    expect(conversation.messages[0].text).toBe('I need help with my order');
    expect(conversation.contact.name).toBe('Megan Bowen');
    expect(conversation.reference).toMatchObject({ serviceUrl: expect.stringContaining(new URL(sim.url).host) });

    const { createReply } = await import('./messages');
    const reply = await createReply(agent, conversation.id, { text: 'Happy to help — which order?' });
    const [sent] = await sim.waitForSent({ count: 1 });
    expect(sent).toMatchObject({ text: 'Happy to help — which order?' });
    const stored = await until(async () => { const m = await db.db().message.findUniqueOrThrow({ where: { id: reply.id } }); return m.status === 'sent' && m; });
    expect(stored.externalId).toBeTruthy();
  });

  it('refuses forged or mis-addressed tokens without storing anything', async () => {
    const before = await db.db().inboundEvent.count();
    for (const token of ['missing', 'expired', 'wrong-aud', 'wrong-issuer', 'unendorsed-channel', 'serviceurl-mismatch', 'unknown-kid', 'alg-none', 'hs256'] as const) {
      const r = await sim.send({ kind: 'message', appId: BOT.appId, text: `forged ${token}`, token });
      expect([401, 403], token).toContain(r.delivery.status);
    }
    expect(await db.db().inboundEvent.count()).toBe(before);
  });

  it('retries a 429 from the Connector honouring Retry-After, then delivers', async () => {
    const conversation = await db.db().conversation.findFirstOrThrow({ where: { inboxId } });
    sim.failNext({ appId: BOT.appId, status: 429, retryAfter: 1 });
    const { createReply } = await import('./messages');
    const reply = await createReply(agent, conversation.id, { text: 'after a throttle' });
    const done = await until(async () => { const m = await db.db().message.findUniqueOrThrow({ where: { id: reply.id } }); return m.status === 'sent' && m; }, 15_000);
    expect(done.attempts).toBe(2);
  });
});
