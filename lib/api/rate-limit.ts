/**
 * A per-process fixed-window counter: at most `limit` hits per key per `windowMs`. Memory is
 * bounded (`maxKeys`; the oldest windows are dropped first), so an attacker rotating addresses
 * cannot grow it. Per process on purpose: it must answer without a database connection, which is
 * exactly what a flood would take away. N web processes allow N × limit, still a small bound.
 */
export interface RateLimiter {
  /** Counts a hit; `ok: false` with the seconds until the key's window ends when over the limit. */
  hit(key: string): { ok: true } | { ok: false; retryAfterSeconds: number };
}

export function rateLimiter(opts: { limit: number; windowMs: number; maxKeys?: number; now?: () => number }): RateLimiter {
  const { limit, windowMs, maxKeys = 10_000, now = Date.now } = opts;
  const windows = new Map<string, { startedAt: number; count: number }>(); // insertion order = age
  return {
    hit(key) {
      const t = now();
      let w = windows.get(key);
      if (!w || t - w.startedAt >= windowMs) {
        windows.delete(key);
        w = { startedAt: t, count: 0 };
        windows.set(key, w);
        while (windows.size > maxKeys) windows.delete(windows.keys().next().value as string);
      }
      w.count += 1;
      if (w.count <= limit) return { ok: true };
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((w.startedAt + windowMs - t) / 1000)) };
    },
  };
}
