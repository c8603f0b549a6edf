import { describe, expect, it, vi } from 'vitest';
import { memoryCache, testDeps } from '../shared/memory-cache';
import { findSigningKey, KEYS_TTL_MS, UNKNOWN_KID_REFRESH_INTERVAL_MS } from './openid-keys';
import { fakeOpenId } from './test-openid';
import { makeTestKey } from './test-tokens';

const T0 = new Date('2026-03-10T12:00:00Z').getTime();
const OLD = makeTestKey('old');
const NEW = makeTestKey('new');

function clock() {
  let now = T0;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
}

describe('findSigningKey', () => {
  it('fetches metadata + JWKS once for many requests, across callers of this process', async () => {
    const openid = fakeOpenId([OLD.jwk]);
    const c = clock();
    const results = await Promise.all(Array.from({ length: 20 }, () =>
      findSigningKey(openid.metadataUrl, 'old', testDeps({ fetch: openid.fetch, now: c.now, cache: memoryCache() }))));
    expect(results.every((r) => r.ok)).toBe(true);
    expect(openid.calls).toEqual([openid.metadataUrl, expect.stringMatching(/keys$/)]);
  });

  it('a burst of unknown kids makes one refresh, taking the shared lock once (single-flight)', async () => {
    const openid = fakeOpenId([OLD.jwk]);
    const cache = memoryCache();
    let lockTaken = 0;
    const counting = { ...cache, withLock: <T>(key: string, fn: () => Promise<T>) => (lockTaken++, cache.withLock(key, fn)) };
    const deps = testDeps({ fetch: openid.fetch, now: clock().now, cache: counting });
    expect((await findSigningKey(openid.metadataUrl, 'old', deps)).ok).toBe(true);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => findSigningKey(openid.metadataUrl, `forged-${i}`, deps)));
    expect(results.every((r) => !r.ok)).toBe(true);
    expect(lockTaken).toBe(1);
    expect(openid.calls.filter((u) => u.endsWith('keys'))).toHaveLength(2); // the first load + one refresh
  });

  it('does not refresh again when another process forced a refresh within the hour', async () => {
    const openid = fakeOpenId([OLD.jwk]);
    const shared = memoryCache();
    const c = clock();
    const deps = testDeps({ fetch: openid.fetch, now: c.now, cache: shared });
    expect((await findSigningKey(openid.metadataUrl, 'old', deps)).ok).toBe(true); // this process loads the keys
    vi.resetModules();
    const other = await import('./openid-keys'); // another process, which loaded the same keys
    expect((await other.findSigningKey(openid.metadataUrl, 'old', deps)).ok).toBe(true);
    c.advance(1000);
    expect((await other.findSigningKey(openid.metadataUrl, 'forged-a', deps)).ok).toBe(false); // it forces the refresh
    const fetches = openid.calls.length;
    c.advance(1000);
    expect((await findSigningKey(openid.metadataUrl, 'forged-b', deps)).ok).toBe(false); // throttled across processes
    expect(openid.calls).toHaveLength(fetches);
  });

  it('shares fetched keys with other processes through the SharedCache', async () => {
    const openid = fakeOpenId([OLD.jwk]);
    const shared = memoryCache();
    const deps = testDeps({ fetch: openid.fetch, now: clock().now, cache: shared });
    expect((await findSigningKey(openid.metadataUrl, 'old', deps)).ok).toBe(true);
    vi.resetModules(); // a fresh module = another process, with an empty in-memory cache
    const fresh = await import('./openid-keys');
    expect((await fresh.findSigningKey(openid.metadataUrl, 'old', deps)).ok).toBe(true);
    expect(openid.calls).toHaveLength(2);
  });

  it('refetches after 24 h, and keeps using stale keys if Microsoft is unreachable', async () => {
    const openid = fakeOpenId([OLD.jwk]);
    const c = clock();
    const deps = testDeps({ fetch: openid.fetch, now: c.now, cache: memoryCache() });
    await findSigningKey(openid.metadataUrl, 'old', deps);
    c.advance(KEYS_TTL_MS - 1000);
    await findSigningKey(openid.metadataUrl, 'old', deps);
    expect(openid.calls).toHaveLength(2);
    c.advance(2000);
    await findSigningKey(openid.metadataUrl, 'old', deps);
    expect(openid.calls).toHaveLength(4);
    c.advance(KEYS_TTL_MS);
    openid.setDown(true);
    expect((await findSigningKey(openid.metadataUrl, 'old', deps)).ok).toBe(true);
  });

  it('key rotation: an unknown kid refreshes the keys and is then found', async () => {
    const openid = fakeOpenId([OLD.jwk]);
    const deps = testDeps({ fetch: openid.fetch, now: clock().now, cache: memoryCache() });
    await findSigningKey(openid.metadataUrl, 'old', deps);
    openid.setKeys([OLD.jwk, NEW.jwk]);
    expect(await findSigningKey(openid.metadataUrl, 'new', deps)).toMatchObject({ ok: true, key: { kid: 'new' } });
    expect(openid.calls).toHaveLength(4);
    await findSigningKey(openid.metadataUrl, 'new', deps);
    expect(openid.calls).toHaveLength(4);
  });

  it('unknown kids refresh at most once per hour', async () => {
    const openid = fakeOpenId([OLD.jwk]);
    const c = clock();
    const deps = testDeps({ fetch: openid.fetch, now: c.now, cache: memoryCache() });
    expect(await findSigningKey(openid.metadataUrl, 'forged-1', deps)).toMatchObject({ ok: false });
    expect(openid.calls).toHaveLength(4);
    c.advance(UNKNOWN_KID_REFRESH_INTERVAL_MS - 1000);
    for (const kid of ['forged-2', 'forged-3', 'new']) {
      expect(await findSigningKey(openid.metadataUrl, kid, deps)).toMatchObject({ ok: false, reason: expect.stringContaining('less than an hour ago') });
    }
    expect(openid.calls).toHaveLength(4);
    openid.setKeys([OLD.jwk, NEW.jwk]);
    c.advance(2000);
    expect(await findSigningKey(openid.metadataUrl, 'new', deps)).toMatchObject({ ok: true });
    expect(openid.calls).toHaveLength(6);
  });

  it('leaves out keys that cannot verify Connector tokens (not RSA, for encryption, no kid)', async () => {
    const openid = fakeOpenId([
      { ...OLD.jwk, use: 'enc' },
      { kty: 'EC', kid: 'ec', crv: 'P-256', x: 'x', y: 'y' } as never,
      { ...NEW.jwk, kid: '' },
    ]);
    const deps = testDeps({ fetch: openid.fetch, now: clock().now, cache: memoryCache() });
    expect((await findSigningKey(openid.metadataUrl, 'old', deps)).ok).toBe(false);
    expect((await findSigningKey(openid.metadataUrl, 'ec', deps)).ok).toBe(false);
  });
});
