/**
 * The simulator's clock: real time plus an offset that /_sim/clock/advance moves forward, so tests
 * can expire tokens (7200 s), end token overlaps (5 min) and close 48 h windows instantly.
 * Only platform rules read it; network deadlines use real time.
 */
export class SimClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  /** Epoch seconds, as WeChat's CreateTime and timestamp. */
  seconds(): number {
    return Math.floor(this.now() / 1000);
  }

  advance(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }

  reset(): void {
    this.offsetMs = 0;
  }
}
