/**
 * Raw-body retention pruning and the bounded webhook inbox cache, against a real PostgreSQL.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { makeMessengerInbox, makeUser } from '@/lib/testing/fixtures';

let db: typeof import('@/lib/db');
let inboxId: string;

beforeAll(async () => {
  await useTestDatabase();
  db = await import('@/lib/db');
  inboxId = (await makeMessengerInbox(await makeUser('admin'))).id;
});
afterAll(async () => {
  await db.closeDb();
});

type Row = { key: string; daysAgo: number; processed?: boolean; failed?: boolean; dispatched?: boolean };
async function insert(rows: Row[]) {
  for (const r of rows) {
    const at = new Date(Date.now() - r.daysAgo * 86_400_000);
    await db.pool().query(
      `INSERT INTO "InboundEvent" ("id", "inboxId", "dedupeKey", "rawBody", "headers", "receivedAt", "dispatchedAt", "processedAt", "failedAt")
       VALUES (gen_random_uuid(), $1, $2, $3, '{"content-type":"application/json"}', $4, $5, $6, $7)`,
      [inboxId, r.key, Buffer.from('{"raw":true}'), at, r.dispatched === false ? null : at, r.processed ? at : null, r.failed ? at : null],
    );
  }
}
const bodies = async () => Object.fromEntries((await db.pool().query(`SELECT "dedupeKey", "rawBody" IS NOT NULL AS kept FROM "InboundEvent" WHERE "inboxId" = $1`, [inboxId])).rows.map((r) => [r.dedupeKey, r.kept]));

describe('raw body retention', () => {
  it('prunes bodies of processed and dead-letter events past retention, in batches, and keeps the rows for dedupe', async () => {
    await insert([
      ...Array.from({ length: 7 }, (_, i) => ({ key: `old-${i}`, daysAgo: 40, processed: true })),
      { key: 'old-failed', daysAgo: 31, failed: true },
      { key: 'old-unprocessed', daysAgo: 40 }, // still to be processed: never pruned
      { key: 'old-undispatched', daysAgo: 40, dispatched: false },
      { key: 'recent', daysAgo: 29, processed: true },
      { key: 'recent-failed', daysAgo: 2, failed: true },
    ]);
    const { pruneRawBodies, pruneRawBodiesBatch } = await import('@/lib/domain/raw-body-retention');
    const cutoff = new Date(Date.now() - 30 * 86_400_000);
    expect(await pruneRawBodiesBatch(cutoff, 3)).toBe(3); // one small batch at a time
    expect(await pruneRawBodies(30, { batch: 3, pauseMs: 1 })).toBe(5);
    expect(await pruneRawBodies(30, { batch: 3, pauseMs: 1 })).toBe(0);
    const kept = await bodies();
    expect(Object.entries(kept).filter(([, k]) => !k).map(([key]) => key).sort()).toEqual([...Array.from({ length: 7 }, (_, i) => `old-${i}`), 'old-failed'].sort());
    expect(kept).toMatchObject({ 'old-unprocessed': true, 'old-undispatched': true, recent: true, 'recent-failed': true });
    // The rows stay: a provider's late redelivery of a pruned event is still refused as a duplicate.
    const { storeInboundEvent } = await import('./store');
    expect(await storeInboundEvent({ inboxId, dedupeKey: 'old-0', rawBody: Buffer.from('{}'), headers: {} })).toEqual({ eventId: null, duplicate: true });
    // A pruned dead letter cannot be re-driven, and says why.
    const admin = await makeUser('admin');
    const { rows: [failed] } = await db.pool().query(`SELECT "id" FROM "InboundEvent" WHERE "dedupeKey" = 'old-failed'`);
    const { retryInboundEvent } = await import('@/lib/domain/inbound-failures');
    await expect(retryInboundEvent(admin, failed.id)).rejects.toMatchObject({ code: 'pruned', status: 409 });
  });
});

describe('webhook inbox cache', () => {
  it('stays bounded under a flood of random unknown keys, and still finds real inboxes', async () => {
    const { inboxForWebhook, cachedInboxCount, MAX_ENTRIES, forgetInbox } = await import('./inbox-cache');
    forgetInbox();
    const inbox = await db.db().inbox.findUniqueOrThrow({ where: { id: inboxId } });
    const keys = Array.from({ length: MAX_ENTRIES + 1500 }, () => randomBytes(18).toString('base64url'));
    for (let i = 0; i < keys.length; i += 50) {
      const found = await Promise.all(keys.slice(i, i + 50).map((k) => inboxForWebhook(k)));
      expect(found.every((f) => f === null)).toBe(true);
    }
    expect(cachedInboxCount()).toBe(MAX_ENTRIES);
    // Unknown keys are cached as misses (for the TTL): asking again does not reach the database.
    const last = keys.at(-1)!;
    const created = await makeMessengerInbox(await makeUser('admin'));
    await db.db().inbox.update({ where: { id: created.id }, data: { webhookKey: last } });
    expect(await inboxForWebhook(last)).toBeNull();
    forgetInbox(last);
    expect((await inboxForWebhook(last))?.id).toBe(created.id);
    expect((await inboxForWebhook(inbox.webhookKey))?.id).toBe(inboxId);
    expect(cachedInboxCount()).toBe(MAX_ENTRIES);
  }, 60_000);
});
