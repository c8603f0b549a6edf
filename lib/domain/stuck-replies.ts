/**
 * A reply is never left `queued` (or `sending`) forever. The worker's sweep finds replies with no
 * live delivery job — a job lost to a bug or an operator, or one that failed for good and so holds
 * back its conversation (key_strict_fifo) — and re-queues or fails them.
 */
import { pool } from '@/lib/db';
import { boss, sqlExecutor } from '@/lib/jobs/boss';
import { QUEUES } from '@/lib/jobs/contracts';
import { logger } from '@/lib/logger';
import { publish } from '@/lib/realtime/publish';
import { UNCERTAIN_REASON } from './delivery';

/** createReply commits a reply and its job together, so a reply this old without a job has lost it. */
const GRACE = "interval '2 minutes'";
const LIVE_JOB = `SELECT 1 FROM pgboss.job j WHERE j.name = '${QUEUES.outboundDeliver}' AND j.state IN ('created', 'retry', 'active') AND j.data->>'messageId' = m."id"::text`;

export interface SweepResult { requeued: number; failed: number; released: number }

export async function sweepStuckReplies(): Promise<SweepResult> {
  const b = await boss();
  // 1. Jobs that failed for good hold back their conversation: fail their reply visibly, release the key.
  const { rows: dead } = await pool().query<{ id: string; messageId: string }>(
    `SELECT id, data->>'messageId' AS "messageId" FROM pgboss.job WHERE name = $1 AND state = 'failed' LIMIT 100`, [QUEUES.outboundDeliver]);
  for (const job of dead) {
    await failReply(job.messageId, 'internal', 'The delivery stopped after an internal error. Retry it, or check the worker log.');
    await b.deleteJob(QUEUES.outboundDeliver, job.id);
  }
  // 2. Caught mid-send with no job left to finish it: it may have reached the provider.
  const { rows: sending } = await pool().query<{ id: string }>(
    `SELECT m."id" FROM "Message" m WHERE m."status" = 'sending' AND m."updatedAt" < now() - ${GRACE} AND NOT EXISTS (${LIVE_JOB}) LIMIT 100`);
  for (const m of sending) await failReply(m.id, 'uncertain', UNCERTAIN_REASON);
  // 3. Queued with no job: queue it again (the claim in deliverMessage makes a duplicate job harmless).
  const { rows: queued } = await pool().query<{ id: string; conversationId: string }>(
    `SELECT m."id", m."conversationId" FROM "Message" m WHERE m."status" = 'queued' AND m."updatedAt" < now() - ${GRACE} AND NOT EXISTS (${LIVE_JOB}) LIMIT 100`);
  for (const m of queued) {
    const client = await pool().connect();
    try {
      await b.send(QUEUES.outboundDeliver, { messageId: m.id, conversationId: m.conversationId }, { singletonKey: m.conversationId, db: sqlExecutor(client) });
    } finally {
      client.release();
    }
  }
  const result = { requeued: queued.length, failed: sending.length + dead.length, released: dead.length };
  if (queued.length || sending.length || dead.length) logger.warn(result, 'stuck replies swept');
  return result;
}

async function failReply(messageId: string, code: string, reason: string): Promise<void> {
  const { rows: [m] } = await pool().query<{ conversationId: string; inboxId: string }>(
    `UPDATE "Message" SET "status" = 'failed', "errorCode" = $2, "errorText" = $3, "retryingSince" = NULL, "updatedAt" = now()
     WHERE "id" = $1 AND "status" IN ('queued', 'sending') RETURNING "conversationId", "inboxId"`, [messageId, code, reason]);
  if (m) publish('message.updated', { messageId, conversationId: m.conversationId, inboxId: m.inboxId, status: 'failed', error: { code, message: reason } });
}
