/** Inboxes: one connected channel account each. Secrets are encrypted and never returned. */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { getConnector } from '@/lib/channels/registry';
import type { Connector } from '@/lib/channels/types';
import { decryptJson, encryptJson } from '@/lib/crypto/secrets';
import { db, Prisma } from '@/lib/db';
import { runtimeEnv } from '@/lib/env';
import { shareNewInbox } from '@/lib/realtime/publish';
import type { Actor } from './actor';
import { requireRole, visibleInboxIds } from './access';
import { audit } from './audit';
import { DomainError, invalid, notFound } from './errors';
import { isUuid } from './ids';
import { connectorDeps } from './shared-cache';
import { failedEventCounts } from './inbound-failures';

export const newInboxInput = z.object({
  channel: z.string().min(1, 'channel is required'),
  name: z.string().trim().min(1, 'Give the inbox a name').max(100),
  config: z.record(z.string(), z.unknown()).default({}),
});

type InboxRow = { id: string; channel: string; name: string; webhookKey: string; config: Prisma.JsonValue; secrets: string; createdAt: Date; lastEventAt: Date | null; lastError: string | null; lastErrorAt?: Date | null };

export function connectorFor(channel: string): Connector {
  const connector = getConnector(channel);
  if (!connector) throw new DomainError('unknown_channel', `Unknown channel "${channel}"`, 400);
  return connector;
}

export function webhookUrl(inbox: { channel: string; webhookKey: string }): string {
  return `${runtimeEnv().PUBLIC_URL}/api/webhooks/${inbox.channel}/${inbox.webhookKey}`;
}

/** The full connector config: public settings plus decrypted secrets. */
export function inboxConfig(inbox: Pick<InboxRow, 'config' | 'secrets'>): Record<string, unknown> {
  return { ...(inbox.config as Record<string, unknown>), ...decryptJson(runtimeEnv().APP_SECRET, inbox.secrets) };
}

export function inboxView(inbox: InboxRow, actor: Actor, failedEvents = 0) {
  const connector = connectorFor(inbox.channel);
  const config = { ...(inbox.config as Record<string, unknown>) };
  const setup: Record<string, unknown> = {};
  for (const f of connector.publicSetupFields) {
    setup[f] = config[f];
    delete config[f];
  }
  const isAdmin = actor.role === 'admin';
  return {
    id: inbox.id,
    channel: inbox.channel,
    name: inbox.name,
    webhookUrl: webhookUrl(inbox),
    verifyToken: isAdmin ? ((setup.verifyToken as string | undefined) ?? null) : null,
    setup: isAdmin ? setup : {},
    config,
    createdAt: inbox.createdAt,
    lastEventAt: inbox.lastEventAt,
    lastError: inbox.lastError,
    lastErrorAt: inbox.lastErrorAt ?? null,
    /** Webhook events that failed on every attempt (dead letters), see lib/domain/inbound-failures.ts. */
    failedEvents,
  };
}

/** Validates a new inbox's config (the connector's stricter rules for new configs, when it has them). */
function splitConfig(connector: Connector, input: unknown) {
  const parsed = (connector.newConfigSchema ?? connector.configSchema).safeParse(input);
  if (!parsed.success) {
    const fields = Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || 'config', i.message]));
    throw new DomainError('invalid_config', `Check the ${connector.displayName} settings: ${Object.entries(fields).map(([k, v]) => `${k}: ${v}`).join('; ')}`, 400, { fields });
  }
  const config = { ...(parsed.data as Record<string, unknown>) };
  const secrets: Record<string, unknown> = {};
  for (const f of connector.secretFields) {
    secrets[f] = config[f];
    delete config[f];
  }
  return { config, secrets };
}

export async function createInbox(actor: Actor, input: unknown) {
  requireRole(actor, 'admin');
  const parsed = newInboxInput.safeParse(input);
  if (!parsed.success) throw invalid(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
  const connector = connectorFor(parsed.data.channel);
  const { config, secrets } = splitConfig(connector, parsed.data.config);
  const inbox = await db().inbox.create({
    data: {
      channel: connector.key,
      name: parsed.data.name,
      webhookKey: randomBytes(18).toString('base64url'),
      config: config as Prisma.InputJsonObject,
      secrets: encryptJson(runtimeEnv().APP_SECRET, secrets),
    },
  });
  await audit(actor.id, 'inbox.created', 'inbox', inbox.id, { channel: inbox.channel, name: inbox.name });
  shareNewInbox(inbox.id);
  return inboxView(inbox, actor);
}

export async function listInboxes(actor: Actor) {
  const ids = await visibleInboxIds(actor);
  const rows = await db().inbox.findMany({ where: ids ? { id: { in: ids } } : {}, orderBy: { createdAt: 'asc' } });
  const failed = await failedEventCounts(ids ?? undefined);
  return rows.map((r) => inboxView(r, actor, failed.get(r.id) ?? 0));
}

export async function testInbox(actor: Actor, id: string) {
  requireRole(actor, 'admin');
  if (!isUuid(id)) throw notFound('Inbox');
  const inbox = await db().inbox.findUnique({ where: { id } });
  if (!inbox) throw notFound('Inbox');
  const connector = connectorFor(inbox.channel);
  return connector.testConnection(inboxConfig(inbox) as never, fetch, connectorDeps());
}

/** The wizard's last step for channels whose webhook is registered by API (Telegram setWebhook, 360dialog). */
export async function registerInboxWebhook(actor: Actor, id: string) {
  requireRole(actor, 'admin');
  if (!isUuid(id)) throw notFound('Inbox');
  const inbox = await db().inbox.findUnique({ where: { id } });
  if (!inbox) throw notFound('Inbox');
  const connector = connectorFor(inbox.channel);
  if (!connector.registerWebhook) return { ok: true, message: `${connector.displayName} webhooks are configured in the provider's console: paste the webhook URL there.` };
  const result = await connector.registerWebhook(inboxConfig(inbox) as never, webhookUrl(inbox), connectorDeps());
  await audit(actor.id, 'inbox.webhook_registered', 'inbox', id, { ok: result.ok });
  return result;
}
