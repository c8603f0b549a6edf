import type { JobWithMetadata } from 'pg-boss';
import { deliverMessage, handleDeliveryCrash, type DeliveryOutcome } from '@/lib/domain/delivery';
import { setRetryDelay } from '@/lib/jobs/boss';
import type { OutboundDeliverJob } from '@/lib/jobs/contracts';
import { withLogContext } from '@/lib/logger';

/** Thrown to make pg-boss run the job again after the delay set on it, holding back the conversation's later replies. */
export class RetryLater extends Error {}

/**
 * Sends replies. Only a retry throws; every final outcome (sent, failed with a reason) completes
 * the job, because a failed job of the key_strict_fifo queue would hold back the conversation's
 * later replies for good. If even the crash handling fails (database down), the job is retried
 * with the queue's back-off and decides again.
 */
export async function outboundDeliver(jobs: JobWithMetadata<OutboundDeliverJob>[]): Promise<void> {
  for (const job of jobs) {
    const { messageId } = job.data;
    // Every log line written during the delivery (however deep) carries the message's id.
    const outcome = await withLogContext({ messageId }, async (): Promise<DeliveryOutcome> => {
      try {
        return await deliverMessage(messageId, job.createdOn);
      } catch (err) {
        return handleDeliveryCrash(messageId, err, job.createdOn);
      }
    });
    if (outcome.kind === 'retry') {
      await setRetryDelay(job.id, outcome.delaySeconds);
      throw new RetryLater(outcome.reason);
    }
  }
}
