/** Bounded, append-only log of webhook delivery attempts. */
import type { WebhookAttempt } from './types';

export class WebhookLog {
  private entries: WebhookAttempt[] = [];

  constructor(private readonly maxEntries: number) {}

  add(entry: WebhookAttempt): void {
    this.entries.push(entry);
    if (this.entries.length > this.maxEntries * 1.1) this.entries = this.entries.slice(-this.maxEntries);
  }

  list(filter: { phoneNumberId?: string; eventId?: string; deliveryId?: string } = {}): WebhookAttempt[] {
    return this.entries.filter(
      (e) =>
        (!filter.phoneNumberId || e.phoneNumberIds.includes(filter.phoneNumberId)) &&
        (!filter.eventId || e.eventIds.includes(filter.eventId)) &&
        (!filter.deliveryId || e.deliveryId === filter.deliveryId),
    );
  }

  clear(): void {
    this.entries = [];
  }
}
