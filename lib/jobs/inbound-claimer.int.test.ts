/**
 * The worker's inbound claimer against a real PostgreSQL: events claimed from the outbox in leased
 * batches, a poison event not stopping its batch, concurrent claimers never sharing an event,
 * per-customer order across batches, and a dead worker's claim coming back after its lease.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { makeMessengerInbox, makeUser, messengerText, metaJson } from '@/lib/testing/fixtures';

let db: typeof import('@/lib/db');
let claimer: typeof import('./inbound-claimer');
let inboxA: string;
let inboxB: string;
let clock = Date.parse('2026-11-29T10:00:00Z');

beforeAll(async () => {
  process.env.INBOUND_MAX_ATTEMPTS = '3';
  process.env.INBOUND_RETRY_DELAY_SECONDS = '60';
  await useTestDatabase();
  db = await import('@/lib/db');
  claimer = await import('./inbound-claimer');
  const admin = await makeUser('admin');
  inboxA = (await makeMessengerInbox(admin)).id;
  inboxB = (await makeMessengerInbox(admin)).id;
});
afterAll(async () => {
  const { stopBoss } = await import('@/lib/jobs/boss');
  await stopBoss();
  await db.closeDb();
});

const POISON = '{"object":"page","entry":{}}';

/** Stores events as the ingress does, each received 1 ms after the previous one. */
async function store(events: { inboxId?: string; key: string; body: string }[]): Promise<string[]> {
  const { uuidv7 } = await import('@/lib/uuid');
  const ids: string[] = [];
  for (const e of events) {
    const id = uuidv7();
    ids.push(id);
    clock += 1;
    await db.pool().query(`INSERT INTO "InboundEvent" ("id", "inboxId", "dedupeKey", "rawBody", "headers", "receivedAt") VALUES ($1, $2, $3, $4, $5, $6)`,
      [id, e.inboxId ?? inboxA, e.key, Buffer.from(e.body), { 'content-type': 'application/json' }, new Date(clock)]);
  }
  return ids;
}
const text = (psid: string, mid: string, timestamp?: number) => ({ key: mid, body: metaJson(messengerText(psid, mid, mid, timestamp)) });

async function drainAll(concurrency: number, limit: number, claimed: string[] = []): Promise<string[]> {
  for (;;) {
    const events = await claimer.claimInboundEvents(limit);
    if (events.length === 0) return claimed;
    claimed.push(...events.map((e) => e.id));
    await claimer.processInboundBatch(events, concurrency);
  }
}

describe('inbound claimer', () => {
  it('processes the rest of a batch around a poison event, which waits for its next attempt', async () => {
    const ids = await store([text('p-1', 'poison-batch-1'), text('p-2', 'poison-batch-2'), { key: 'poison', body: POISON }, text('p-1', 'poison-batch-3'), text('p-3', 'poison-batch-4')]);
    expect(await claimer.drainOnce(4)).toBe(5);
    const rows = await db.db().inboundEvent.findMany({ where: { id: { in: ids } }, orderBy: { receivedAt: 'asc' } });
    expect(rows.map((r) => r.processedAt !== null)).toEqual([true, true, false, true, true]);
    expect(await db.db().message.count({ where: { externalId: { startsWith: 'poison-batch-' } } })).toBe(4);
    const poison = rows[2];
    expect(poison).toMatchObject({ attempts: 1, failedAt: null, claimedUntil: null });
    expect(poison.error).toMatch(/entry/i);
    // Back-off: not due again before INBOUND_RETRY_DELAY_SECONDS.
    expect(poison.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 50_000);
    expect(await claimer.claimInboundEvents()).toEqual([]);

    // Its last attempt makes it a dead letter with the inbox's lastError.
    await db.pool().query(`UPDATE "InboundEvent" SET "nextAttemptAt" = now() WHERE "id" = $1`, [poison.id]);
    expect(await claimer.drainOnce(4)).toBe(1);
    await db.pool().query(`UPDATE "InboundEvent" SET "nextAttemptAt" = now() WHERE "id" = $1`, [poison.id]);
    expect(await claimer.drainOnce(4)).toBe(1);
    const dead = await db.db().inboundEvent.findUniqueOrThrow({ where: { id: poison.id } });
    expect(dead).toMatchObject({ attempts: 3, processedAt: null });
    expect(dead.failedAt).not.toBeNull();
    expect((await db.db().inbox.findUniqueOrThrow({ where: { id: inboxA } })).lastError).toMatch(/^A webhook event could not be processed: /);
    expect(await claimer.claimInboundEvents()).toEqual([]);
  });

  it('two claimers running at once over 500 events never claim one twice, and every event becomes one message', async () => {
    const events = Array.from({ length: 500 }, (_, i) => ({ ...text(`c-${i % 37}`, `concurrent-${i}`), inboxId: i % 2 ? inboxA : inboxB }));
    const ids = await store(events);
    const [first, second] = await Promise.all([drainAll(3, 40), drainAll(3, 40)]);
    const all = [...first, ...second];
    expect(first.length).toBeGreaterThan(0);
    expect(second.length).toBeGreaterThan(0);
    expect(new Set(all).size).toBe(all.length); // no event claimed by both
    expect([...all].sort()).toEqual([...ids].sort());
    expect(await db.db().message.count({ where: { externalId: { startsWith: 'concurrent-' } } })).toBe(500);
    expect(await db.db().inboundEvent.count({ where: { id: { in: ids }, processedAt: null } })).toBe(0);
  });

  it('keeps a customer\'s messages in the order they were received across batches and inboxes', async () => {
    const events = [];
    const sameTime = Date.now(); // provider timestamps all equal: only processing order orders the writes
    for (let i = 0; i < 12; i++) {
      events.push(text('order-1', `order-a-${i}`, sameTime));
      events.push({ ...text('order-2', `order-b-${i}`, sameTime), inboxId: inboxB });
      if (i % 3 === 0) events.push(text(`order-other-${i}`, `order-x-${i}`, sameTime));
    }
    await store(events);
    await drainAll(2, 5);
    for (const prefix of ['order-a-', 'order-b-']) {
      // Message ids are uuidv7 and createdAt the insert time: both follow the order of processing.
      const messages = await db.db().message.findMany({ where: { externalId: { startsWith: prefix } }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
      expect(messages.map((m) => m.externalId)).toEqual(Array.from({ length: 12 }, (_, i) => `${prefix}${i}`));
      expect([...messages].sort((a, b) => a.id.localeCompare(b.id)).map((m) => m.externalId)).toEqual(messages.map((m) => m.externalId));
    }
  });

  it('gives a dead worker\'s claim to another worker once its lease has run out', async () => {
    const [id] = await store([text('lease-1', 'lease-msg')]);
    const dead = await claimer.claimInboundEvents(10, 1); // this "worker" dies without processing
    expect(dead.map((e) => e.id)).toEqual([id]);
    expect(await claimer.claimInboundEvents()).toEqual([]); // held while the lease runs
    await new Promise((r) => setTimeout(r, 1100));
    const again = await claimer.claimInboundEvents();
    expect(again).toEqual([expect.objectContaining({ id, attempts: 1 })]); // the lost claim counts as an attempt
    await claimer.processInboundBatch(again, 2);
    expect((await db.db().inboundEvent.findUniqueOrThrow({ where: { id } })).processedAt).not.toBeNull();
    expect(await db.db().message.count({ where: { externalId: 'lease-msg' } })).toBe(1);
  });

  it('runs each customer\'s events in their own lane, and an inbox\'s batch in one lane when an event cannot be attributed', async () => {
    const { inboundLanes } = await import('@/lib/domain/inbound-lanes');
    const ids = await store([text('lane-1', 'lane-a1'), text('lane-2', 'lane-b1'), text('lane-1', 'lane-a2'), { ...text('lane-3', 'lane-c1'), inboxId: inboxB }]);
    const claimed = await claimer.claimInboundEvents();
    expect(claimed.map((e) => e.id)).toEqual(ids);
    const lanes = (await inboundLanes(claimed)).map((lane) => lane.map((e) => ids.indexOf(e.id)));
    expect(lanes.sort()).toEqual([[0, 2], [1], [3]]);

    const more = await store([text('lane-1', 'lane-a3'), { key: 'lane-poison', body: POISON }, text('lane-2', 'lane-b2'), { ...text('lane-3', 'lane-c2'), inboxId: inboxB }]);
    const unparsable = await inboundLanes((await claimer.claimInboundEvents()));
    expect(unparsable.map((lane) => lane.map((e) => more.indexOf(e.id))).sort()).toEqual([[0, 1, 2], [3]]);
  });
});
