/** Domain handling of the channel-agnostic events the next channels emit (edits, contact state, references). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NormalizedEvent } from '@/lib/channels/types';
import { useTestDatabase } from '@/lib/testing/database';
import { makeMessengerInbox, makeUser } from '@/lib/testing/fixtures';

let db: typeof import('@/lib/db');
let ingest: typeof import('./ingest');
let inbox: { id: string; channel: string };
let agent: Awaited<ReturnType<typeof makeUser>>;

beforeAll(async () => {
  await useTestDatabase();
  db = await import('@/lib/db');
  ingest = await import('./ingest');
  inbox = await makeMessengerInbox(await makeUser('admin'));
  agent = await makeUser('agent');
});
afterAll(async () => {
  await (await import('@/lib/jobs/boss')).stopBoss();
  await db.closeDb();
});

const t = (s: number) => new Date(Date.UTC(2026, 10, 22, 10, 0, s));
const message = (externalId: string, text: string, extra: Partial<Extract<NormalizedEvent, { type: 'message' }>> = {}): NormalizedEvent =>
  ({ type: 'message', dedupeKey: externalId, externalId, timestamp: new Date(), contact: { externalId: 'cust-1', name: 'Ana' }, text, attachments: [], ...extra });

describe('edits, contact state and references', () => {
  it('stores the conversation reference inbound provides, latest wins', async () => {
    await ingest.applyEvents(inbox, [message('e-1', 'hello', { reference: { serviceUrl: 'https://smba.example/amer/', conversationId: 'a:1' } })], null);
    await ingest.applyEvents(inbox, [message('e-2', 'again', { reference: { serviceUrl: 'https://smba.example/emea/', conversationId: 'a:1' } })], null);
    const conversation = await db.db().conversation.findFirstOrThrow({ where: { identity: { externalId: 'cust-1' } } });
    expect(conversation.reference).toEqual({ serviceUrl: 'https://smba.example/emea/', conversationId: 'a:1' });
  });

  it('applies an edit to the same message, and ignores an older edit arriving late', async () => {
    await ingest.applyEvents(inbox, [{ type: 'edit', dedupeKey: 'edit-2', externalId: 'e-1', contactExternalId: 'cust-1', timestamp: t(20), text: 'hello (edited twice)', attachments: [] }], null);
    await ingest.applyEvents(inbox, [{ type: 'edit', dedupeKey: 'edit-1', externalId: 'e-1', contactExternalId: 'cust-1', timestamp: t(10), text: 'hello (edited once)', attachments: [] }], null);
    const edited = await db.db().message.findFirstOrThrow({ where: { externalId: 'e-1' } });
    expect(edited).toMatchObject({ text: 'hello (edited twice)', editedAt: t(20) });
    expect(await db.db().message.count({ where: { conversation: { identity: { externalId: 'cust-1' } } } })).toBe(2);
  });

  it('a customer who blocks the channel becomes unreachable (shown in the thread) until they unblock', async () => {
    await ingest.applyEvents(inbox, [{ type: 'contact_state', dedupeKey: 'state-1', contactExternalId: 'cust-1', state: 'blocked', timestamp: t(30) }], null);
    const conversation = await db.db().conversation.findFirstOrThrow({ where: { identity: { externalId: 'cust-1' } }, include: { identity: true } });
    expect(conversation.identity.unreachable).toBe(true);
    const line = await db.db().message.findFirstOrThrow({ where: { externalId: 'state-1' } });
    expect(line).toMatchObject({ kind: 'system', text: expect.stringMatching(/blocked/) });
    const { createReply } = await import('./messages');
    await expect(createReply(agent, conversation.id, { text: 'hello?' })).rejects.toMatchObject({ code: 'unreachable' });
    // Delivered twice: recorded once.
    await ingest.applyEvents(inbox, [{ type: 'contact_state', dedupeKey: 'state-1', contactExternalId: 'cust-1', state: 'blocked', timestamp: t(30) }], null);
    expect(await db.db().message.count({ where: { externalId: 'state-1' } })).toBe(1);
    await ingest.applyEvents(inbox, [{ type: 'contact_state', dedupeKey: 'state-2', contactExternalId: 'cust-1', state: 'unblocked', timestamp: t(40) }], null);
    expect((await db.db().contactIdentity.findFirstOrThrow({ where: { externalId: 'cust-1' } })).unreachable).toBe(false);
  });

  it('a new follower starts a conversation with a system line', async () => {
    await ingest.applyEvents(inbox, [{ type: 'contact_state', dedupeKey: 'follow-1', contactExternalId: 'cust-2', state: 'subscribed', timestamp: t(50), contact: { externalId: 'cust-2', name: 'Bo' } }], null);
    const conversation = await db.db().conversation.findFirstOrThrow({ where: { identity: { externalId: 'cust-2' } }, include: { contact: true, messages: true } });
    expect(conversation.contact.name).toBe('Bo');
    expect(conversation.messages.map((m) => m.kind)).toEqual(['system']);
  });
});
