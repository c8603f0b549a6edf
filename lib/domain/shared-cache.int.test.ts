import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';

let cache: typeof import('./shared-cache').postgresCache;
beforeAll(async () => {
  await useTestDatabase();
  cache = (await import('./shared-cache')).postgresCache;
});
afterAll(async () => (await import('@/lib/db')).closeDb());

describe('postgresCache', () => {
  it('stores values until they expire and deletes them', async () => {
    await cache.set('token:a', 'one', 60);
    await cache.set('token:a', 'two', 60);
    expect(await cache.get('token:a')).toBe('two');
    await cache.set('token:b', 'gone', 0);
    expect(await cache.get('token:b')).toBeNull();
    await cache.delete('token:a');
    expect(await cache.get('token:a')).toBeNull();
  });

  it('addIfAbsent: exactly one of many concurrent callers wins, across connections', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => cache.addIfAbsent('nonce:race', `caller-${i}`, 60)));
    expect(results.filter(Boolean)).toHaveLength(1);
    const winner = results.indexOf(true);
    expect(await cache.get('nonce:race')).toBe(`caller-${winner}`);
    expect(await cache.addIfAbsent('nonce:race', 'late', 60)).toBe(false);
    expect(await cache.get('nonce:race')).toBe(`caller-${winner}`);
  });

  it('addIfAbsent takes over an expired entry in place, and expired rows are pruned', async () => {
    const { pool } = await import('@/lib/db');
    const { pruneExpiredCacheEntries } = await import('./shared-cache');
    await cache.set('nonce:old', 'first', 0);
    expect(await cache.addIfAbsent('nonce:old', 'second', 60)).toBe(true);
    expect(await cache.get('nonce:old')).toBe('second');
    await cache.set('nonce:gone-1', 'x', 0);
    await cache.set('nonce:gone-2', 'x', 0);
    expect(await pruneExpiredCacheEntries()).toBeGreaterThanOrEqual(2);
    const { rows } = await pool().query<{ key: string }>(`SELECT "key" FROM "CacheEntry" WHERE "key" LIKE 'nonce:%' ORDER BY "key"`);
    expect(rows.map((r) => r.key)).toEqual(['nonce:old', 'nonce:race']);
  });

  it('runs one holder of a lock at a time, across connections', async () => {
    const order: string[] = [];
    const hold = (name: string) => cache.withLock('refresh', async () => {
      order.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, 50));
      order.push(`${name}:end`);
      return name;
    });
    expect(await Promise.all([hold('a'), hold('b')])).toEqual(['a', 'b']);
    expect(order.join(' ')).toMatch(/^(a:start a:end b:start b:end|b:start b:end a:start a:end)$/);
  });
});
