/**
 * Inbound dead letters: a stored webhook event whose processing failed on every attempt keeps its
 * raw body and error, shows in its inbox's health, and can be listed and re-driven by an admin.
 */
import { z } from 'zod';
import { db, pool } from '@/lib/db';
import { runtimeEnv } from '@/lib/env';
import { INBOUND_CHANNEL } from '@/lib/ingress/store';
import { boss } from '@/lib/jobs/boss';
import { logger } from '@/lib/logger';
import { publish } from '@/lib/realtime/publish';
import type { Actor } from './actor';
import { requireRole } from './access';
import { audit } from './audit';
import { decodeCursor, encodeCursor } from './cursor';
import { errorText } from './error-text';
import { DomainError, invalid, notFound } from './errors';
import { isUuid } from './ids';

const MAX_ERROR_CHARS = 2000;
const MAX_RETRY_DELAY_SECONDS = 300;


export interface InboxHealth { inboxId: string; lastError: string | null; lastErrorAt: string | null; failedEvents: number }

/** Failed (dead-letter) events per inbox; the partial index on failedAt keeps this cheap. */
export async function failedEventCounts(inboxIds?: string[]): Promise<Map<string, number>> {
  const { rows } = await pool().query<{ inboxId: string; n: string }>(
    `SELECT "inboxId", count(*) AS n FROM "InboundEvent" WHERE "failedAt" IS NOT NULL ${inboxIds ? 'AND "inboxId" = ANY($1::uuid[])' : ''} GROUP BY "inboxId"`,
    inboxIds ? [inboxIds] : [],
  );
  return new Map(rows.map((r) => [r.inboxId, Number(r.n)]));
}

export async function inboxHealth(inboxId: string): Promise<InboxHealth | null> {
  const inbox = await db().inbox.findUnique({ where: { id: inboxId }, select: { lastError: true, lastErrorAt: true } });
  if (!inbox) return null;
  const failedEvents = (await failedEventCounts([inboxId])).get(inboxId) ?? 0;
  return { inboxId, lastError: inbox.lastError, lastErrorAt: inbox.lastErrorAt?.toISOString() ?? null, failedEvents };
}

async function publishInboxHealth(inboxId: string): Promise<void> {
  const health = await inboxHealth(inboxId);
  if (health) publish('inbox.updated', health);
}

/**
 * Records a failed processing attempt and releases the event's claim. Unless it was the last one
 * (`final`), the event is tried again after a back-off (INBOUND_RETRY_DELAY_SECONDS, doubling, at
 * most 5 minutes); the last one makes it a dead letter and writes the inbox's lastError, and
 * admins are told in realtime.
 */
export async function recordInboundFailure(eventId: string, err: unknown, final: boolean, { countAttempt = true } = {}): Promise<void> {
  const message = errorText(err, MAX_ERROR_CHARS);
  const { rows: [row] } = await pool().query<{ inboxId: string }>(
    `UPDATE "InboundEvent" SET "error" = $2, "attempts" = "attempts" + ${countAttempt ? 1 : 0}, "failedAt" = CASE WHEN $3 THEN now() ELSE "failedAt" END,
       "claimedUntil" = NULL, "nextAttemptAt" = now() + make_interval(secs => LEAST($4::float8 * power(2, LEAST("attempts", 20)), ${MAX_RETRY_DELAY_SECONDS}))
     WHERE "id" = $1 AND "processedAt" IS NULL RETURNING "inboxId"`,
    [eventId, message, final, runtimeEnv().INBOUND_RETRY_DELAY_SECONDS],
  );
  if (!row || !final) return;
  await pool().query(`UPDATE "Inbox" SET "lastError" = $2, "lastErrorAt" = now() WHERE "id" = $1`, [row.inboxId, `A webhook event could not be processed: ${message}`.slice(0, MAX_ERROR_CHARS)]);
  logger.error({ eventId, inboxId: row.inboxId, error: message }, 'inbound event failed on every attempt: kept as a dead letter');
  await publishInboxHealth(row.inboxId);
}

const listQuery = z.object({
  state: z.literal('failed', { error: 'state must be "failed"' }),
  inboxId: z.uuid('inboxId must be an inbox id').optional(),
  limit: z.coerce.number({ error: 'limit must be a number' }).int().min(1).max(100).default(50),
  cursor: z.string().max(200).optional(),
});

export async function listFailedInboundEvents(actor: Actor, query: Record<string, string>) {
  requireRole(actor, 'admin');
  const parsed = listQuery.safeParse(query);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'query', i.message]));
    throw invalid(Object.values(fields).join('; '), { fields });
  }
  const { inboxId, limit, cursor } = parsed.data;
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db().inboundEvent.findMany({
    where: {
      failedAt: after ? { lte: after.at } : { not: null },
      ...(inboxId && { inboxId }),
      ...(after && { NOT: { failedAt: after.at, id: { gte: after.id } } }),
    },
    orderBy: [{ failedAt: 'desc' }, { id: 'desc' }],
    take: limit + 1,
    select: { id: true, inboxId: true, receivedAt: true, failedAt: true, error: true, attempts: true, rawBody: false },
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({ id: r.id, inboxId: r.inboxId, receivedAt: r.receivedAt, failedAt: r.failedAt, error: r.error, attempts: r.attempts })),
    nextCursor: rows.length > limit && last?.failedAt ? encodeCursor(last.failedAt, last.id) : null,
  };
}

/** Re-drives a dead letter: clears its failure so the worker claims it again (processing is idempotent). */
export async function retryInboundEvent(actor: Actor, eventId: string) {
  requireRole(actor, 'admin');
  if (!isUuid(eventId)) throw notFound('Inbound event');
  const event = await db().inboundEvent.findUnique({ where: { id: eventId }, select: { id: true, inboxId: true, failedAt: true, rawBody: false } });
  if (!event) throw notFound('Inbound event');
  if (!event.failedAt) throw new DomainError('not_failed', 'This event has not failed: there is nothing to retry', 409);
  const cleared = await pool().query(
    `UPDATE "InboundEvent" SET "failedAt" = NULL, "attempts" = 0, "claimedUntil" = NULL, "nextAttemptAt" = now()
     WHERE "id" = $1 AND "failedAt" IS NOT NULL AND "rawBody" IS NOT NULL`,
    [eventId],
  );
  if (cleared.rowCount === 0) throw new DomainError('pruned', 'The raw body of this event was pruned after the retention period: it cannot be processed again', 409);
  await pool().query(`SELECT pg_notify('${INBOUND_CHANNEL}', '')`); // wake a worker now rather than at its next poll
  await audit(actor.id, 'inbound_event.retried', 'inbound_event', eventId, { inboxId: event.inboxId });
  await publishInboxHealth(event.inboxId);
  return { id: eventId, state: 'queued' as const };
}

/**
 * Inbound events used to be processed through pg-boss jobs (queue inbound.process); the worker now
 * claims them from InboundEvent itself. Jobs an older version left behind are removed: their events
 * are claimed like any other (unprocessed rows are what counts). A job that had failed for good
 * without the handler recording it still makes its event a dead letter, as it did then.
 * Run by the worker's housekeeping; returns how many events it made dead letters.
 */
export async function sweepFailedInboundJobs(): Promise<number> {
  const b = await boss();
  const { rows } = await pool().query<{ id: string; eventIds: string[] }>(
    `SELECT id, data->'eventIds' AS "eventIds" FROM pgboss.job WHERE name = 'inbound.process' AND state = 'failed' LIMIT 100`);
  let marked = 0;
  for (const job of rows) {
    for (const eventId of job.eventIds ?? []) {
      const { rowCount } = await pool().query(`SELECT 1 FROM "InboundEvent" WHERE "id" = $1 AND "processedAt" IS NULL AND "failedAt" IS NULL`, [eventId]);
      if (!rowCount) continue;
      await recordInboundFailure(eventId, new Error('Processing stopped on every attempt without a result (the worker may have crashed on this event)'), true);
      marked += 1;
    }
    await b.deleteJob('inbound.process', job.id);
  }
  await pool().query(`DELETE FROM pgboss.job WHERE name = 'inbound.process' AND state IN ('created', 'retry', 'completed', 'cancelled')`);
  return marked;
}
