import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

const settings = { perChatPerSecond: 1, perChatBurst: 3, groupPerMinute: 20, globalPerSecond: 30 };

describe('RateLimiter (token buckets, exact clock)', () => {
  it('per private chat: a burst of 3, then one per second; retry_after says when', () => {
    const limiter = new RateLimiter(settings);
    expect([0, 1, 2].map(() => limiter.tryAcquire(1, 10, 'private', 0))).toEqual([null, null, null]);
    expect(limiter.tryAcquire(1, 10, 'private', 0)).toBe(1);
    expect(limiter.tryAcquire(1, 10, 'private', 999)).toBe(1);
    expect(limiter.tryAcquire(1, 10, 'private', 1000)).toBeNull();
    // Refused calls are not counted.
    expect(limiter.tryAcquire(1, 10, 'private', 1000)).toBe(1);
  });

  it('groups refill at 20 per minute (3 s per message)', () => {
    const limiter = new RateLimiter({ ...settings, perChatBurst: 1 });
    expect(limiter.tryAcquire(1, -5, 'group', 0)).toBeNull();
    expect(limiter.tryAcquire(1, -5, 'group', 0)).toBe(3);
    expect(limiter.tryAcquire(1, -5, 'group', 2000)).toBe(1);
    expect(limiter.tryAcquire(1, -5, 'group', 3000)).toBeNull();
  });

  it('global: 30 per second over all chats of one bot; other bots have their own', () => {
    const limiter = new RateLimiter({ ...settings, perChatBurst: 100 });
    for (let chat = 0; chat < 30; chat++) expect(limiter.tryAcquire(1, chat, 'private', 0)).toBeNull();
    expect(limiter.tryAcquire(1, 99, 'private', 0)).toBe(1);
    expect(limiter.tryAcquire(2, 99, 'private', 0)).toBeNull();
    expect(limiter.tryAcquire(1, 99, 'private', 34)).toBeNull();
  });
});
