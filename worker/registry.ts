/**
 * Which handler works which queue, and how many jobs run at once.
 * pg-boss wakes a worker slot on NOTIFY (new job) and otherwise polls every 2 s (retries whose
 * backoff has passed). After a job a slot sleeps until the next wake-up, so a backlog drains in
 * batches: fetching several jobs at once and fetching again while batches come back full
 * (burstWhenBatchFull) is what lets a burst of webhooks drain at full speed.
 */
import type { PgBoss } from 'pg-boss';
import { startInboundClaimer } from '@/lib/jobs/inbound-claimer';
import { QUEUES } from '@/lib/jobs/contracts';
import { contactProfile } from './handlers/contact-profile';
import { outboundDeliver } from './handlers/outbound-deliver';

const polling = { pollingIntervalSeconds: 2, notifyPollingIntervalSeconds: 2 };

/**
 * Starts the job handlers and the inbound claimer (stored webhook events are claimed from their
 * table, not through pg-boss: lib/jobs/inbound-claimer.ts); returns a function that stops the claimer.
 */
export async function startWorking(boss: PgBoss, concurrency: number): Promise<() => Promise<void>> {
  // Replies stay one job per fetch: a RetryLater must hold back only its own conversation.
  await boss.work(QUEUES.outboundDeliver, { ...polling, localConcurrency: concurrency, batchSize: 1, includeMetadata: true }, outboundDeliver);
  await boss.work(QUEUES.contactProfile, { ...polling, localConcurrency: 2, batchSize: 5, burstWhenBatchFull: true }, contactProfile);
  return startInboundClaimer(concurrency);
}
