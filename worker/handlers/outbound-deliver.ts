import type { Job } from 'pg-boss';
import { deliverMessage } from '@/lib/domain/delivery';
import type { OutboundDeliverJob } from '@/lib/jobs/contracts';

/** Sends replies; RetryLater propagates so pg-boss retries with backoff, keeping per-conversation order. */
export async function outboundDeliver(jobs: Job<OutboundDeliverJob>[]): Promise<void> {
  for (const job of jobs) await deliverMessage(job.data.messageId);
}
