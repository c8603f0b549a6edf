import type { Job } from 'pg-boss';
import { pool } from '@/lib/db';
import { processInboundEvent } from '@/lib/domain/ingest';
import type { InboundProcessJob } from '@/lib/jobs/contracts';
import { logger } from '@/lib/logger';

/**
 * Processes stored webhook events in the order they arrived. A failure is recorded on its event
 * and the job is retried by pg-boss; events already processed are skipped on the retry.
 */
export async function inboundProcess(jobs: Job<InboundProcessJob>[]): Promise<void> {
  let failure: unknown;
  for (const job of jobs) {
    for (const eventId of job.data.eventIds) {
      try {
        await processInboundEvent(eventId);
      } catch (err) {
        failure ??= err;
        logger.error({ err, eventId }, 'inbound processing failed');
        await pool().query('UPDATE "InboundEvent" SET "error" = $2 WHERE "id" = $1', [eventId, String((err as Error).message).slice(0, 2000)]).catch(() => undefined);
      }
    }
  }
  if (failure) throw failure;
}
