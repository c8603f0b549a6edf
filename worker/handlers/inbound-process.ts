import type { JobWithMetadata } from 'pg-boss';
import { recordInboundFailure } from '@/lib/domain/inbound-failures';
import { processInboundEvent } from '@/lib/domain/ingest';
import type { InboundProcessJob } from '@/lib/jobs/contracts';
import { logger, withLogContext } from '@/lib/logger';
import { metrics } from '@/lib/metrics/metrics';

/**
 * Processes stored webhook events in the order they arrived. A failure is recorded on its event
 * and the job is retried by pg-boss; events already processed are skipped on the retry. On the
 * job's last attempt a failure makes the event a dead letter (visible, re-drivable) and the job
 * completes, so nothing is retried forever and nothing fails silently.
 */
export async function inboundProcess(jobs: JobWithMetadata<InboundProcessJob>[]): Promise<void> {
  let failure: unknown;
  for (const job of jobs) {
    const final = job.retryCount >= job.retryLimit;
    for (const eventId of job.data.eventIds) {
      // Every log line written while processing (however deep) carries the event's id.
      const err = await withLogContext({ eventId }, () => processOne(eventId, job.retryCount + 1, final));
      if (err !== undefined && !final) failure ??= err;
    }
  }
  if (failure) throw failure;
}

/** Returns the processing error, recorded on the event; throws only when even recording it fails. */
async function processOne(eventId: string, attempt: number, final: boolean): Promise<unknown> {
  const stopTimer = metrics().inboundProcessing.startTimer();
  try {
    await processInboundEvent(eventId);
    stopTimer();
    return undefined;
  } catch (err) {
    logger.error({ err, attempt, final }, 'inbound processing failed');
    // If even this write fails (database down), the job is retried and tries again.
    await recordInboundFailure(eventId, err, final);
    return err ?? new Error('inbound processing failed');
  }
}
