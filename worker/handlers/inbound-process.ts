import type { Job } from 'pg-boss';
import { db } from '@/lib/db';
import { processInboundEvent } from '@/lib/domain/ingest';
import type { InboundProcessJob } from '@/lib/jobs/contracts';
import { logger } from '@/lib/logger';

/** Processes stored webhook events; failures are recorded on the event and retried by pg-boss. */
export async function inboundProcess(jobs: Job<InboundProcessJob>[]): Promise<void> {
  for (const job of jobs) {
    try {
      await processInboundEvent(job.data.eventId);
    } catch (err) {
      logger.error({ err, eventId: job.data.eventId }, 'inbound processing failed');
      await db().inboundEvent.update({ where: { id: job.data.eventId }, data: { error: String((err as Error).message).slice(0, 2000) } }).catch(() => undefined);
      throw err;
    }
  }
}
