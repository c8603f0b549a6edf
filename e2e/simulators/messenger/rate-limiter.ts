/** Sliding one-second window per key (Meta: 300 Send API calls per second per Page). */
export class RateLimiter {
  private readonly calls = new Map<string, number[]>();

  constructor(private readonly perSecond: number) {}

  /** Records the call and returns true when allowed; rejected calls are not counted. */
  tryAcquire(key: string, now = Date.now()): boolean {
    const recent = (this.calls.get(key) ?? []).filter((t) => now - t < 1000);
    const allowed = recent.length < this.perSecond;
    if (allowed) recent.push(now);
    this.calls.set(key, recent);
    return allowed;
  }

  reset(): void {
    this.calls.clear();
  }
}
