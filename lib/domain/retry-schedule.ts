/**
 * When a reply that failed transiently is tried again, and when we give up. Like Bitrix24's
 * connector server: growing back-off (each wait about as long as we have been failing, from
 * OUTBOUND_RETRY_BASE_SECONDS up to an hour), spread over OUTBOUND_RETRY_HOURS (24 h by default),
 * then a visible failure. A provider's Retry-After is honoured, up to an hour.
 */
export const RETRY_AFTER_MAX_SECONDS = 3600;
export const BACKOFF_MAX_SECONDS = 3600;

export interface RetryInput {
  /** When the current delivery first failed transiently. */
  failingSince: Date;
  now: Date;
  /** The provider's Retry-After / retry_after, if it sent one. */
  retryAfterSeconds?: number;
  baseSeconds: number;
  horizonHours: number;
  /** 0..1; spreads retries of many replies apart. */
  random?: number;
}

export type RetryDecision = { retry: true; delaySeconds: number } | { retry: false; failedForSeconds: number };

export function nextRetry(input: RetryInput): RetryDecision {
  const elapsed = Math.max(0, (input.now.getTime() - input.failingSince.getTime()) / 1000);
  if (elapsed >= input.horizonHours * 3600) return { retry: false, failedForSeconds: Math.round(elapsed) };
  if (input.retryAfterSeconds !== undefined) {
    return { retry: true, delaySeconds: Math.max(1, Math.min(RETRY_AFTER_MAX_SECONDS, Math.ceil(input.retryAfterSeconds))) };
  }
  // Wait about as long as we have been failing: the waits double, as with exponential back-off.
  const jitter = 0.9 + 0.2 * (input.random ?? Math.random());
  const delay = Math.min(BACKOFF_MAX_SECONDS, Math.max(input.baseSeconds, elapsed) * jitter);
  return { retry: true, delaySeconds: Math.max(1, Math.round(delay)) };
}

/** "3 h", "25 min": how long a reply kept failing, for the agent. */
export function describeDuration(seconds: number): string {
  if (seconds >= 5400) return `${Math.round(seconds / 3600)} h`;
  if (seconds >= 90) return `${Math.round(seconds / 60)} min`;
  return `${Math.round(seconds)} s`;
}
