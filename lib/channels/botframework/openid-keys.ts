import type { ConnectorDeps, SharedCache } from '../types';
import { fetchSigningKeys, type BotSigningKey } from './openid-fetch';

/**
 * The Connector's signing keys, cached like botbuilder-js's OpenIdMetadata (PROTOCOLS.md 4b):
 * kept 24 h, and refreshed early only for a token with an unknown kid, at most once per hour,
 * so a flood of forged kids cannot turn every request into two calls to Microsoft.
 *
 * Two levels: a per-process map (no database round trip per webhook) in front of the app's
 * SharedCache (one fetch for all processes, and the throttle holds across them). A burst of
 * unknown kids in one process shares a single refresh (single-flight) before the shared lock, so
 * at most one refresh runs at a time and the waiters hold no database connection.
 */
export const KEYS_TTL_MS = 24 * 3600_000;
export const UNKNOWN_KID_REFRESH_INTERVAL_MS = 3600_000;

interface KeySetEntry {
  keys: BotSigningKey[];
  fetchedAt: number;
  /** When a refresh was last forced by an unknown kid (null: never). */
  forcedRefreshAt: number | null;
}

export type KeyLookup = { ok: true; key: BotSigningKey } | { ok: false; reason: string };

const memory = new Map<string, KeySetEntry>();
const loading = new Map<string, Promise<KeySetEntry>>();
/** Forced refreshes in flight: a burst of unknown kids in this process shares one (no DB connection each). */
const refreshing = new Map<string, Promise<KeySetEntry>>();
const cacheKey = (metadataUrl: string) => `botframework:openid:${metadataUrl}`;
const isFresh = (entry: KeySetEntry, now: number) => now - entry.fetchedAt < KEYS_TTL_MS;

/**
 * Seeds this process's key cache, as if the keys had just been fetched from `metadataUrl`.
 * For tests and fixtures that must verify tokens without a network.
 */
export function rememberKeySet(metadataUrl: string, keys: BotSigningKey[], fetchedAt = Date.now()): void {
  memory.set(metadataUrl, { keys, fetchedAt, forcedRefreshAt: null });
}

/** The key named by a token's `kid`, fetching or refreshing the key set as the rules allow. */
export async function findSigningKey(metadataUrl: string, kid: string, deps: ConnectorDeps): Promise<KeyLookup> {
  const now = deps.now().getTime();
  const entry = await currentKeySet(metadataUrl, deps, now);
  const known = entry.keys.find((k) => k.kid === kid);
  if (known) return { ok: true, key: known };

  if (entry.forcedRefreshAt !== null && now - entry.forcedRefreshAt < UNKNOWN_KID_REFRESH_INTERVAL_MS) {
    return { ok: false, reason: `token signed with unknown key id "${kid}" (keys were refreshed less than an hour ago)` };
  }
  let pending = refreshing.get(metadataUrl);
  if (!pending) {
    pending = forcedRefresh(metadataUrl, deps, now, entry).finally(() => refreshing.delete(metadataUrl));
    refreshing.set(metadataUrl, pending);
  }
  const refreshed = await pending;
  const key = refreshed.keys.find((k) => k.kid === kid);
  return key ? { ok: true, key } : { ok: false, reason: `token signed with unknown key id "${kid}" (not in the refreshed key set)` };
}

async function currentKeySet(metadataUrl: string, deps: ConnectorDeps, now: number): Promise<KeySetEntry> {
  const mem = memory.get(metadataUrl);
  if (mem && isFresh(mem, now)) return mem;
  const shared = await readShared(deps.cache, metadataUrl);
  if (shared && isFresh(shared, now)) return remember(metadataUrl, shared);
  const stale = mem ?? shared;
  // One fetch per process however many webhooks arrive together on a cold cache.
  let pending = loading.get(metadataUrl);
  if (!pending) {
    pending = fetchAndStore(metadataUrl, deps, now, stale?.forcedRefreshAt ?? null).finally(() => loading.delete(metadataUrl));
    loading.set(metadataUrl, pending);
  }
  try {
    return await pending;
  } catch (err) {
    // Microsoft's endpoint down: keys a day old beat rejecting every message meanwhile.
    if (stale) return stale;
    throw err;
  }
}

function forcedRefresh(metadataUrl: string, deps: ConnectorDeps, now: number, known: KeySetEntry): Promise<KeySetEntry> {
  return deps.cache.withLock(cacheKey(metadataUrl), async () => {
    const shared = await readShared(deps.cache, metadataUrl);
    // Another process refreshed since we loaded ours, or forced a refresh within the hour (the
    // throttle holds across processes): use its keys instead of fetching again.
    const throttled = shared?.forcedRefreshAt != null && now - shared.forcedRefreshAt < UNKNOWN_KID_REFRESH_INTERVAL_MS;
    if (shared && (shared.fetchedAt > known.fetchedAt || throttled)) return remember(metadataUrl, shared);
    return fetchAndStore(metadataUrl, deps, now, now);
  });
}

async function fetchAndStore(metadataUrl: string, deps: ConnectorDeps, now: number, forcedRefreshAt: number | null): Promise<KeySetEntry> {
  const entry: KeySetEntry = { keys: await fetchSigningKeys(deps.fetchUntrusted, metadataUrl), fetchedAt: now, forcedRefreshAt };
  await deps.cache.set(cacheKey(metadataUrl), JSON.stringify(entry), KEYS_TTL_MS / 1000);
  return remember(metadataUrl, entry);
}

function remember(metadataUrl: string, entry: KeySetEntry): KeySetEntry {
  memory.set(metadataUrl, entry);
  return entry;
}

async function readShared(cache: SharedCache, metadataUrl: string): Promise<KeySetEntry | null> {
  const raw = await cache.get(cacheKey(metadataUrl));
  if (!raw) return null;
  try {
    const entry = JSON.parse(raw) as KeySetEntry;
    return Array.isArray(entry.keys) && typeof entry.fetchedAt === 'number' ? entry : null;
  } catch {
    return null;
  }
}
