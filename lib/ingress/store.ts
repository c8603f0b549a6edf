/**
 * Stores a verified webhook and enqueues its processing in ONE transaction, before the provider
 * gets its 2xx: nothing acknowledged is lost even when the worker is down, and a redelivery of
 * the same provider event hits the unique (inboxId, dedupeKey) constraint and is ignored.
 */
import { pool } from '@/lib/db';
import { enqueue } from '@/lib/jobs/boss';
import { QUEUES } from '@/lib/jobs/contracts';
import { uuidv7 } from '@/lib/uuid';

const INSERT = `INSERT INTO "InboundEvent" ("id", "inboxId", "dedupeKey", "rawBody", "headers")
VALUES ($1, $2, $3, $4, $5) ON CONFLICT ("inboxId", "dedupeKey") DO NOTHING RETURNING "id"`;

export async function storeInboundEvent(input: { inboxId: string; dedupeKey: string; rawBody: Buffer; headers: Record<string, string> }): Promise<{ eventId: string | null; duplicate: boolean }> {
  const client = await pool().connect();
  try {
    await client.query('BEGIN');
    const id = uuidv7();
    const inserted = await client.query(INSERT, [id, input.inboxId, input.dedupeKey, input.rawBody, input.headers]);
    if (inserted.rowCount === 0) {
      await client.query('ROLLBACK');
      return { eventId: null, duplicate: true };
    }
    await enqueue(QUEUES.inboundProcess, { eventId: id }, { client });
    await client.query('COMMIT');
    return { eventId: id, duplicate: false };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
