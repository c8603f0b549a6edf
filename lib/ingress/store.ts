/**
 * Stores a verified webhook before the provider gets its 2xx, in ONE statement: the InboundEvent
 * row is both the raw event and its queue entry (a transactional outbox; the worker's dispatcher
 * moves new rows into pg-boss in batches, see lib/jobs/inbound-dispatcher.ts). Nothing
 * acknowledged is lost even when the worker is down, and a redelivery of the same provider event
 * hits the unique (inboxId, dedupeKey) constraint and is ignored.
 *
 * Why not one pg-boss job per request: its job INSERT costs ~4 ms of database time, which capped
 * ingest near 300 req/s on 2 cores; one plain INSERT per request keeps ingest near the baseline.
 */
import { pool } from '@/lib/db';
import { uuidv7 } from '@/lib/uuid';

export const INBOUND_CHANNEL = 'sb_inbound_event';

const INSERT = `WITH stored AS (
  INSERT INTO "InboundEvent" ("id", "inboxId", "dedupeKey", "rawBody", "headers")
  VALUES ($1, $2, $3, $4, $5) ON CONFLICT ("inboxId", "dedupeKey") DO NOTHING RETURNING "id")
SELECT "id", pg_notify('${INBOUND_CHANNEL}', '') FROM stored`;

export async function storeInboundEvent(input: { inboxId: string; dedupeKey: string; rawBody: Buffer; headers: Record<string, string> }): Promise<{ eventId: string | null; duplicate: boolean }> {
  const id = uuidv7();
  const inserted = await pool().query(INSERT, [id, input.inboxId, input.dedupeKey, input.rawBody, input.headers]);
  return inserted.rowCount === 0 ? { eventId: null, duplicate: true } : { eventId: id, duplicate: false };
}
