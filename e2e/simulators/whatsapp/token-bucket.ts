/** Token buckets for WhatsApp throughput (PROTOCOLS.md 2e): per-number mps and per-customer pair rate. */
export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  /** capacity tokens, refilled one per refillMs. */
  constructor(private readonly capacity: number, private readonly refillMs: number) {}

  /** Takes a token when there is one; a refused call does not count. */
  tryTake(key: string, now: number): boolean {
    const b = this.buckets.get(key) ?? { tokens: this.capacity, at: now };
    b.tokens = Math.min(this.capacity, b.tokens + (now - b.at) / this.refillMs);
    b.at = now;
    const ok = b.tokens >= 1;
    if (ok) b.tokens -= 1;
    this.buckets.set(key, b);
    return ok;
  }

  reset(): void {
    this.buckets.clear();
  }
}
