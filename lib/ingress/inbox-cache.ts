/**
 * Webhook-path lookup of an inbox by its URL key, cached briefly in memory so the hot path does
 * one INSERT per request, not a SELECT and a decrypt as well. Config edits show up within TTL.
 */
import type { Connector } from '@/lib/channels/types';
import { getConnector } from '@/lib/channels/registry';
import { db } from '@/lib/db';
import { inboxConfig } from '@/lib/domain/inboxes';

export interface IngressInbox { id: string; channel: string; connector: Connector; config: Record<string, unknown> }

const TTL_MS = 10_000;
const cache = new Map<string, { at: number; inbox: IngressInbox | null; pending?: Promise<IngressInbox | null> }>();

async function load(webhookKey: string): Promise<IngressInbox | null> {
  const row = await db().inbox.findUnique({ where: { webhookKey } });
  const connector = row && getConnector(row.channel);
  if (!row || !connector) return null;
  return { id: row.id, channel: row.channel, connector, config: connector.configSchema.parse(inboxConfig(row)) as Record<string, unknown> };
}

export async function inboxForWebhook(webhookKey: string): Promise<IngressInbox | null> {
  const hit = cache.get(webhookKey);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.pending ?? hit.inbox;
  // One load per key at a time, however many requests arrive together.
  const pending = load(webhookKey);
  cache.set(webhookKey, { at: Date.now(), inbox: null, pending });
  try {
    const inbox = await pending;
    cache.set(webhookKey, { at: Date.now(), inbox });
    return inbox;
  } catch (err) {
    cache.delete(webhookKey);
    throw err;
  }
}

export function forgetInbox(webhookKey?: string): void {
  if (webhookKey) cache.delete(webhookKey);
  else cache.clear();
}
