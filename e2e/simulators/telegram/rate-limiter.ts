/**
 * Token buckets like the Bots FAQ describes: per chat (1/s with short bursts; 20/min in groups)
 * and per bot overall (30/s). A refused call is not counted, and says when to retry.
 */
import type { ChatType } from './types';

class Bucket {
  private tokens: number;
  private last: number;

  constructor(private readonly capacity: number, private readonly perMs: number, now: number) {
    this.tokens = capacity;
    this.last = now;
  }

  /** ms until one token is available (0 = now). */
  waitMs(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
    // The epsilon keeps float noise (20/60000 per ms) from adding a whole second to retry_after.
    return this.tokens >= 1 - 1e-9 ? 0 : Math.ceil((1 - this.tokens) / this.perMs - 1e-6);
  }

  take(): void {
    this.tokens -= 1;
  }
}

export interface RateLimitSettings {
  perChatPerSecond: number;
  perChatBurst: number;
  groupPerMinute: number;
  globalPerSecond: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(private readonly settings: RateLimitSettings) {}

  private bucket(key: string, capacity: number, perMs: number, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) this.buckets.set(key, (bucket = new Bucket(capacity, perMs, now)));
    return bucket;
  }

  /** null when allowed (and counted); otherwise retry_after in whole seconds (≥ 1). */
  tryAcquire(botId: number, chatId: number, chatType: ChatType, now = Date.now()): number | null {
    const s = this.settings;
    const chat = chatType === 'private'
      ? this.bucket(`${botId}:${chatId}`, s.perChatBurst, s.perChatPerSecond / 1000, now)
      : this.bucket(`${botId}:${chatId}`, s.perChatBurst, s.groupPerMinute / 60_000, now);
    const global = this.bucket(`${botId}`, s.globalPerSecond, s.globalPerSecond / 1000, now);
    const wait = Math.max(chat.waitMs(now), global.waitMs(now));
    if (wait > 0) return Math.max(1, Math.ceil(wait / 1000));
    chat.take();
    global.take();
    return null;
  }

  reset(): void {
    this.buckets.clear();
  }
}
