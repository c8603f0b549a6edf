/** Bounded, append-only log of webhook delivery attempts. */
import type { WebhookAttempt } from './types';

export class WebhookLog {
  private entries: WebhookAttempt[] = [];

  constructor(private readonly maxEntries: number) {}

  add(entry: WebhookAttempt): void {
    this.entries.push(entry);
    // Drop in chunks so a long benchmark does not pay an O(n) shift per attempt.
    if (this.entries.length > this.maxEntries * 1.1) this.entries = this.entries.slice(-this.maxEntries);
  }

  list(filter: { pageId?: string; eventId?: string } = {}): WebhookAttempt[] {
    return this.entries.filter(
      (e) =>
        (!filter.pageId || e.pageIds.includes(filter.pageId)) &&
        (!filter.eventId || e.eventIds.includes(filter.eventId)),
    );
  }

  clear(): void {
    this.entries = [];
  }
}
