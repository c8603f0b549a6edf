/**
 * Runs at most `concurrency` tasks at once with at most `queueLimit` waiting; a task that finds
 * the queue full is refused at once (run returns null) so callers can answer "busy" instead of
 * waiting behind an unbounded backlog.
 */
export class WorkGate {
  private active = 0;
  private peak = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly queueLimit: number,
  ) {}

  run<T>(task: () => Promise<T>): Promise<T> | null {
    if (this.active >= this.concurrency && this.waiting.length >= this.queueLimit) return null;
    return this.acquire().then(async () => {
      try {
        return await task();
      } finally {
        this.release();
      }
    });
  }

  stats() {
    return { active: this.active, queued: this.waiting.length, peak: this.peak, concurrency: this.concurrency, queueLimit: this.queueLimit };
  }

  private acquire(): Promise<void> {
    if (this.active < this.concurrency) {
      this.started();
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(() => (this.started(), resolve())));
  }

  private started() {
    this.active++;
    this.peak = Math.max(this.peak, this.active);
  }

  private release() {
    this.active--;
    this.waiting.shift()?.();
  }
}
