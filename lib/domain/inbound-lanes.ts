/**
 * Splits a claimed batch of stored webhook events into lanes that may run in parallel while each
 * customer's events keep their arrival order. Which customer an event concerns is known only
 * after parsing it, so the batch is parsed here (pure, no writes; processing parses again).
 *
 * Per inbox: when every event of the batch concerns at most one customer, each customer gets a
 * lane (an event about no customer gets its own); otherwise (an event about several customers, or
 * one that does not parse) the inbox's events of the batch form one lane, in arrival order.
 */
import type { NormalizedEvent, WebhookRequest } from '@/lib/channels/types';
import { pool, type Prisma } from '@/lib/db';
import { logger } from '@/lib/logger';
import { connectorFor, inboxConfig, webhookUrl } from './inboxes';

type Row = { id: string; rawBody: Buffer | null; headers: Record<string, string>; inboxId: string; channel: string; webhookKey: string; config: Prisma.JsonValue; secrets: string };

const LOAD = `SELECT e."id", e."rawBody", e."headers", i."id" AS "inboxId", i."channel", i."webhookKey", i."config", i."secrets"
FROM "InboundEvent" e JOIN "Inbox" i ON i."id" = e."inboxId" WHERE e."id" = ANY($1::uuid[])`;

const customerOf = (e: NormalizedEvent): string | undefined => (e.type === 'message' ? e.contact.externalId : e.contactExternalId);

/** The customers one stored event concerns; throws when it cannot be parsed. */
function customersOf(row: Row, parseConfig: (row: Row) => unknown): Set<string> {
  if (!row.rawBody) throw new Error('pruned');
  const connector = connectorFor(row.channel);
  const req: WebhookRequest = { method: 'POST', url: new URL(webhookUrl({ channel: row.channel, webhookKey: row.webhookKey })), headers: new Headers(row.headers), rawBody: row.rawBody };
  const events = connector.parse(req, parseConfig(row) as never);
  return new Set(events.map(customerOf).filter((c): c is string => c !== undefined));
}

/**
 * Groups the events (given oldest first) into lanes, each in arrival order. On any doubt the
 * answer is one lane per inbox, which is always safe.
 */
export async function inboundLanes<T extends { id: string; inboxId: string }>(events: T[]): Promise<T[][]> {
  const perInbox = new Map<string, T[]>();
  for (const e of events) perInbox.set(e.inboxId, [...(perInbox.get(e.inboxId) ?? []), e]);
  let rows: Map<string, Row>;
  try {
    rows = new Map((await pool().query<Row>(LOAD, [events.map((e) => e.id)])).rows.map((r) => [r.id, r]));
  } catch (err) {
    logger.warn({ err }, 'could not load the batch to split it per customer; one lane per inbox');
    return [...perInbox.values()];
  }
  const lanes: T[][] = [];
  for (const inboxEvents of perInbox.values()) {
    const configs = new Map<string, unknown>();
    const parseConfig = (row: Row) => {
      if (!configs.has(row.inboxId)) configs.set(row.inboxId, connectorFor(row.channel).configSchema.parse(inboxConfig(row)));
      return configs.get(row.inboxId);
    };
    const byCustomer = new Map<string, T[]>();
    const alone: T[][] = [];
    let single = true;
    for (const e of inboxEvents) {
      const row = rows.get(e.id);
      let customers: Set<string>;
      try {
        if (!row) throw new Error('gone');
        customers = customersOf(row, parseConfig);
      } catch {
        single = false;
        break;
      }
      if (customers.size > 1) {
        single = false;
        break;
      }
      const [customer] = customers;
      if (customer === undefined) alone.push([e]);
      else byCustomer.set(customer, [...(byCustomer.get(customer) ?? []), e]);
    }
    if (single) lanes.push(...byCustomer.values(), ...alone);
    else lanes.push(inboxEvents);
  }
  return lanes;
}
