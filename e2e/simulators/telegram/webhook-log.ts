/** Bounded, append-only log of webhook delivery attempts. */
import type { WebhookAttempt } from './types';

export class WebhookLog {
  private entries: WebhookAttempt[] = [];

  constructor(private readonly maxEntries: number) {}

  add(entry: WebhookAttempt): void {
    this.entries.push(entry);
    if (this.entries.length > this.maxEntries * 1.1) this.entries = this.entries.slice(-this.maxEntries);
  }

  list(filter: { botId?: number; updateId?: number } = {}): WebhookAttempt[] {
    return this.entries.filter((e) => (filter.botId === undefined || e.botId === filter.botId) && (filter.updateId === undefined || e.updateId === filter.updateId));
  }

  clear(): void {
    this.entries = [];
  }
}
