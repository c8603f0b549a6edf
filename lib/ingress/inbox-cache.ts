/**
 * Webhook-path lookup of an inbox by its URL key, cached briefly in memory so the hot path does
 * one INSERT per request, not a SELECT and a decrypt as well. Config edits show up within TTL.
 * Bounded (LRU): unknown keys are cached too (as "no such inbox"), so a flood of random webhook
 * URLs costs one SELECT per key and at most MAX_ENTRIES entries of memory.
 */
import { LRUCache } from 'lru-cache';
import type { Connector } from '@/lib/channels/types';
import { getConnector } from '@/lib/channels/registry';
import { db } from '@/lib/db';
import { inboxConfig } from '@/lib/domain/inboxes';

export interface IngressInbox { id: string; channel: string; connector: Connector; config: Record<string, unknown> }

const TTL_MS = 10_000;
export const MAX_ENTRIES = 5_000;

// Values are wrapped: lru-cache refuses null, and a miss must be cached as well.
const cache = new LRUCache<string, { inbox: IngressInbox | null }>({
  max: MAX_ENTRIES,
  ttl: TTL_MS,
  // One load per key at a time, however many requests arrive together.
  fetchMethod: async (webhookKey) => ({ inbox: await load(webhookKey) }),
});

async function load(webhookKey: string): Promise<IngressInbox | null> {
  const row = await db().inbox.findUnique({ where: { webhookKey } });
  const connector = row && getConnector(row.channel);
  if (!row || !connector) return null;
  return { id: row.id, channel: row.channel, connector, config: connector.configSchema.parse(inboxConfig(row)) as Record<string, unknown> };
}

export async function inboxForWebhook(webhookKey: string): Promise<IngressInbox | null> {
  const entry = await cache.fetch(webhookKey);
  return entry?.inbox ?? null;
}

export function forgetInbox(webhookKey?: string): void {
  if (webhookKey) cache.delete(webhookKey);
  else cache.clear();
}

/** Entries held now (for tests and diagnostics). */
export function cachedInboxCount(): number {
  return cache.size;
}
