/**
 * WhatsApp Cloud API through the real path: signed webhooks → ingress → worker; replies → Graph;
 * statuses (incl. a failed 131047 after a 200) applied monotonically; templates outside the window.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWhatsAppSimulator, type WhatsAppSimulator } from '@/e2e/simulators/whatsapp/server';
import { startAppHarness, until, type AppHarness } from '@/lib/testing/app-harness';
import { makeUser } from '@/lib/testing/fixtures';
import type { Actor } from './actor';

const NUMBER = { mode: 'cloud' as const, phoneNumberId: '106540352242922', wabaId: '102290129340398', displayPhoneNumber: '+1 555-078-3881', accessToken: 'EAA-int-token', appSecret: 'int-app-secret' };
let app: AppHarness;
let sim: WhatsAppSimulator;
let agent: Actor;
let inboxId: string;
let db: typeof import('@/lib/db');

beforeAll(async () => {
  app = await startAppHarness();
  db = await import('@/lib/db');
  sim = await startWhatsAppSimulator();
  const { createInbox } = await import('./inboxes');
  const admin = await makeUser('admin');
  agent = await makeUser('agent');
  const inbox = await createInbox(admin, { channel: 'whatsapp', name: 'WhatsApp', config: { phoneNumberId: NUMBER.phoneNumberId, wabaId: NUMBER.wabaId, accessToken: NUMBER.accessToken, appSecret: NUMBER.appSecret, apiBaseUrl: sim.url } });
  inboxId = inbox.id;
  const registered = await sim.registerAccount({ ...NUMBER, webhookUrl: inbox.webhookUrl, verifyToken: inbox.verifyToken!, statusScenario: 'in_order' });
  expect(registered).toMatchObject({ verified: true });
});
afterAll(async () => {
  await sim?.close();
  await app?.close();
});

const message = (id: string) => db.db().message.findUniqueOrThrow({ where: { id } });

describe('WhatsApp Cloud API channel', () => {
  it('a customer writes, the agent replies, statuses move the reply to read', async () => {
    await sim.customerSends({ phoneNumberId: NUMBER.phoneNumberId, waId: '16505551234', name: 'Sheena Nelson', text: 'Does it come in another color?' });
    const c = await until(() => db.db().conversation.findFirst({ where: { inboxId }, include: { messages: true, contact: true } }));
    expect(c.messages[0].text).toBe('Does it come in another color?');
    expect(c.contact.name).toBe('Sheena Nelson');
    const { createReply } = await import('./messages');
    const reply = await createReply(agent, c.id, { text: 'Yes: blue and red' });
    const [sent] = await sim.waitForSent({ phoneNumberId: NUMBER.phoneNumberId, count: 1 });
    expect(sent).toMatchObject({ to: '16505551234' });
    const read = await until(async () => { const m = await message(reply.id); return m.status === 'read' && m; });
    expect(read.deliveredAt).not.toBeNull();
  });

  it('sends an image by link with its caption, and refuses attachments that are not http(s) links', async () => {
    const c = await db.db().conversation.findFirstOrThrow({ where: { inboxId } });
    const { createReply } = await import('./messages');
    await expect(createReply(agent, c.id, { attachments: [{ kind: 'image', url: 'file:///etc/passwd' }] })).rejects.toMatchObject({ code: 'invalid_request' });
    const reply = await createReply(agent, c.id, { text: 'Here it is in blue', attachments: [{ kind: 'image', url: 'https://cdn.example.com/blue.jpg' }] });
    expect(reply).toMatchObject({ kind: 'text', attachments: [{ kind: 'image', url: 'https://cdn.example.com/blue.jpg' }] });
    await until(async () => ['sent', 'delivered', 'read'].includes((await message(reply.id)).status ?? ''));
    const sent = sim.sent({ phoneNumberId: NUMBER.phoneNumberId });
    expect(JSON.stringify(sent.at(-1))).toContain('https://cdn.example.com/blue.jpg');
    expect(JSON.stringify(sent.at(-1))).toContain('Here it is in blue');
  });

  it('shows a failure reported after a 200 (131047) with a reason, and offers templates outside the window', async () => {
    sim.setCustomer({ phoneNumberId: NUMBER.phoneNumberId, waId: '16505551234', lastInboundHoursAgo: 30 });
    const c = await db.db().conversation.findFirstOrThrow({ where: { inboxId } });
    const { createReply } = await import('./messages');
    // The app still thinks the window is open (its lastInboundAt is recent): the provider decides.
    const reply = await createReply(agent, c.id, { text: 'Anything else?' });
    const failed = await until(async () => { const m = await message(reply.id); return m.status === 'failed' && m; });
    expect(failed.errorCode).toBe('131047');
    expect(failed.errorText).toMatch(/24 hours/);

    await db.db().conversation.update({ where: { id: c.id }, data: { lastInboundAt: new Date(Date.now() - 30 * 3600_000) } });
    await expect(createReply(agent, c.id, { text: 'too late' })).rejects.toMatchObject({ code: 'window_closed' });
    const { listInboxTemplates } = await import('./templates');
    const templates = await listInboxTemplates(agent, inboxId);
    expect(templates.length).toBeGreaterThan(0);
    const t = templates[0];
    const sent = await createReply(agent, c.id, { template: { name: t.name, language: t.language, parameters: Array.from({ length: t.parameterCount }, (_, i) => `p${i + 1}`) } });
    expect(sent).toMatchObject({ kind: 'template', status: 'queued' });
    await until(async () => ['sent', 'delivered', 'read'].includes((await message(sent.id)).status ?? ''));
  });
});
