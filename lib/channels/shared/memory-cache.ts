import type { ConnectorDeps, SharedCache } from '../types';

/**
 * A process-local SharedCache, for tests and simulators (the app uses the Postgres-backed one).
 * Its lock queues callers in order and never gives up (the contract allows, not requires, a bound).
 */
export function memoryCache(now: () => number = Date.now): SharedCache {
  const entries = new Map<string, { value: string; expiresAt: number }>();
  const locks = new Map<string, Promise<unknown>>();
  // Nonces are added once and never read again: drop expired entries when the map doubles.
  let sweepAt = 1024;
  const sweep = () => {
    for (const [key, e] of entries) if (e.expiresAt <= now()) entries.delete(key);
    sweepAt = Math.max(1024, entries.size * 2);
  };
  return {
    async get(key) {
      const e = entries.get(key);
      return e && e.expiresAt > now() ? e.value : null;
    },
    async set(key, value, ttlSeconds) {
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
    },
    async delete(key) {
      entries.delete(key);
    },
    async addIfAbsent(key, value, ttlSeconds) {
      const e = entries.get(key);
      if (e && e.expiresAt > now()) return false;
      if (entries.size >= sweepAt) sweep();
      entries.set(key, { value, expiresAt: now() + ttlSeconds * 1000 });
      return true;
    },
    async withLock(key, fn) {
      const previous = locks.get(key) ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(fn);
      locks.set(key, run);
      return run;
    },
  };
}

/** ConnectorDeps for unit tests: a given fetch (also standing in for fetchUntrusted unless given), a fixed or real clock, an in-memory cache. */
export function testDeps(overrides: Partial<ConnectorDeps> = {}): ConnectorDeps {
  const fetchImpl = overrides.fetch ?? ((() => Promise.reject(new Error('no network in unit tests'))) as typeof fetch);
  return { fetch: fetchImpl, fetchUntrusted: overrides.fetchUntrusted ?? fetchImpl, now: overrides.now ?? (() => new Date()), cache: overrides.cache ?? memoryCache() };
}
