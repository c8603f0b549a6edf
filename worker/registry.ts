/** Which handler works which queue, and how many jobs run at once. */
// NOTIFY wakes workers on new jobs; the 2 s poll picks up retries whose backoff delay has passed.
import type { PgBoss } from 'pg-boss';
import { startInboundDispatcher } from '@/lib/jobs/inbound-dispatcher';
import { QUEUES } from '@/lib/jobs/contracts';
import { inboundProcess } from './handlers/inbound-process';
import { outboundDeliver } from './handlers/outbound-deliver';

/** Starts the job handlers and the inbound dispatcher; returns a function that stops the dispatcher. */
export async function startWorking(boss: PgBoss, concurrency: number): Promise<() => Promise<void>> {
  await boss.work(QUEUES.inboundProcess, { localConcurrency: concurrency, batchSize: 1, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 }, inboundProcess);
  await boss.work(QUEUES.outboundDeliver, { localConcurrency: concurrency, batchSize: 1, pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 }, outboundDeliver);
  return startInboundDispatcher(boss);
}
