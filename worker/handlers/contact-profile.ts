import type { Job } from 'pg-boss';
import { lookUpContactName } from '@/lib/domain/profiles';
import type { ContactProfileJob } from '@/lib/jobs/contracts';

/** Fills in new customers' names from the provider's profile API (best effort). */
export async function contactProfile(jobs: Job<ContactProfileJob>[]): Promise<void> {
  for (const job of jobs) await lookUpContactName(job.data.inboxId, job.data.externalId);
}
