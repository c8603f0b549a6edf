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
