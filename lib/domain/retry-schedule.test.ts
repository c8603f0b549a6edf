import { describe, expect, it } from 'vitest';
import { describeDuration, nextRetry } from './retry-schedule';

const since = new Date('2026-11-29T00:00:00Z');
const at = (seconds: number) => new Date(since.getTime() + seconds * 1000);
const settings = { baseSeconds: 30, horizonHours: 24 };

/** Plays a provider that fails every time: when each retry happens, until we give up. */
function playOut(random: number) {
  const attempts: number[] = [0];
  let now = 0;
  for (;;) {
    const d = nextRetry({ failingSince: since, now: at(now), random, ...settings });
    if (!d.retry) return { attempts, gaveUpAfter: d.failedForSeconds, delays: attempts.slice(1).map((t, i) => t - attempts[i]) };
    now += d.delaySeconds;
    attempts.push(now);
  }
}

describe('delivery retry schedule', () => {
  it('grows the wait from the base to an hour, and keeps trying for at least 24 hours', () => {
    for (const random of [0, 0.5, 1]) {
      const { delays, gaveUpAfter, attempts } = playOut(random);
      expect(delays[0]).toBeGreaterThanOrEqual(27);
      expect(delays[0]).toBeLessThanOrEqual(33);
      for (let i = 1; i < delays.length; i++) expect(delays[i]).toBeGreaterThanOrEqual(Math.min(delays[i - 1], 3240)); // never shrinks (beyond jitter at the cap)
      expect(Math.max(...delays)).toBeLessThanOrEqual(3600);
      expect(delays.slice(-5).every((d) => d >= 3240)).toBe(true); // the tail is hourly
      expect(gaveUpAfter).toBeGreaterThanOrEqual(24 * 3600);
      expect(gaveUpAfter).toBeLessThan(25 * 3600 + 1);
      expect(attempts.length).toBeGreaterThan(20); // spread out, not a burst
      expect(attempts.length).toBeLessThan(40);
    }
  });

  it("honours the provider's Retry-After, capped at an hour", () => {
    expect(nextRetry({ failingSince: since, now: at(5), retryAfterSeconds: 120, ...settings })).toEqual({ retry: true, delaySeconds: 120 });
    expect(nextRetry({ failingSince: since, now: at(5), retryAfterSeconds: 7200, ...settings })).toEqual({ retry: true, delaySeconds: 3600 });
    expect(nextRetry({ failingSince: since, now: at(5), retryAfterSeconds: 0, ...settings })).toEqual({ retry: true, delaySeconds: 1 });
    expect(nextRetry({ failingSince: since, now: at(5), retryAfterSeconds: 2.2, ...settings })).toEqual({ retry: true, delaySeconds: 3 });
  });

  it('gives up once the horizon has passed, even when the provider asks to wait', () => {
    expect(nextRetry({ failingSince: since, now: at(24 * 3600), retryAfterSeconds: 10, ...settings })).toEqual({ retry: false, failedForSeconds: 86400 });
    expect(nextRetry({ failingSince: since, now: at(10), baseSeconds: 1, horizonHours: 10 / 3600 })).toMatchObject({ retry: false });
  });

  it('describes durations for the agent', () => {
    expect(describeDuration(86400)).toBe('24 h');
    expect(describeDuration(600)).toBe('10 min');
    expect(describeDuration(12)).toBe('12 s');
  });
});
