import { createHash } from 'node:crypto';
import type { NormalizedEvent } from '@/lib/channels/types';

/**
 * One stored row per webhook request. A single event keeps the provider's own id as key; a batch
 * gets a hash of its events' keys, so an identical redelivery is recognised. (Events that show up
 * again in a different batch are still deduplicated downstream by the message's unique external id.)
 */
export function requestDedupeKey(events: NormalizedEvent[]): string {
  if (events.length === 1) return events[0].dedupeKey;
  const keys = events.map((e) => e.dedupeKey).sort();
  return `batch:${createHash('sha256').update(keys.join('\n')).digest('hex')}`;
}
