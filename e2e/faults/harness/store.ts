/** What the database holds, read with the test's own connections: the ground truth of every assertion. */
import type pg from 'pg';

/** Provider ids (mids) of the inbox's inbound messages, one entry per Message row. */
export async function inboundMessageIds(db: pg.Pool, inboxId: string): Promise<string[]> {
  const { rows } = await db.query<{ externalId: string }>(`SELECT "externalId" FROM "Message" WHERE "inboxId" = $1 AND "direction" = 'inbound'`, [inboxId]);
  return rows.map((r) => r.externalId);
}

/** Stored webhook events not processed yet. */
export async function unprocessedEvents(db: pg.Pool, inboxId: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "InboundEvent" WHERE "inboxId" = $1 AND "processedAt" IS NULL`, [inboxId]);
  return rows[0].n;
}

/** The inbox's conversations by customer PSID. */
export async function conversationsByPsid(db: pg.Pool, inboxId: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ id: string; psid: string }>(
    `SELECT c."id", i."externalId" AS psid FROM "Conversation" c JOIN "ContactIdentity" i ON i."id" = c."identityId" WHERE c."inboxId" = $1`,
    [inboxId],
  );
  return new Map(rows.map((r) => [r.psid, r.id]));
}

/** Status of each of the given messages. */
export async function messageStatuses(db: pg.Pool, ids: string[]): Promise<Map<string, { status: string; errorText: string | null; attempts: number }>> {
  const { rows } = await db.query<{ id: string; status: string; errorText: string | null; attempts: number }>(
    `SELECT "id", "status"::text AS status, "errorText", "attempts" FROM "Message" WHERE "id" = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { status: r.status, errorText: r.errorText, attempts: r.attempts }]));
}

/** Values that occur more than once (with their counts). */
export function duplicates(values: string[]): Record<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Object.fromEntries([...counts].filter(([, n]) => n > 1));
}

/** Elements of `wanted` missing from `present`. */
export function missing(wanted: Iterable<string>, present: Iterable<string>): string[] {
  const have = new Set(present);
  return [...wanted].filter((v) => !have.has(v));
}

/** Where unfinished work sits, for failure messages: stored events by state and pg-boss jobs by queue and state. */
export async function backlogReport(db: pg.Pool, inboxId: string): Promise<string> {
  try {
    const events = await db.query<{ state: string; n: number; error: string | null }>(
      `SELECT CASE WHEN "dispatchedAt" IS NULL THEN 'not dispatched' ELSE 'dispatched' END AS state, count(*)::int AS n, max("error") AS error
       FROM "InboundEvent" WHERE "inboxId" = $1 AND "processedAt" IS NULL GROUP BY 1`,
      [inboxId],
    );
    const jobs = await db.query<{ name: string; state: string; n: number; retries: number; start_after: Date }>(
      `SELECT name, state::text, count(*)::int AS n, max(retry_count)::int AS retries, max(start_after) AS start_after
       FROM pgboss.job WHERE state NOT IN ('completed') GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    return `unprocessed events: ${JSON.stringify(events.rows)}\nunfinished jobs: ${JSON.stringify(jobs.rows)}`;
  } catch (err) {
    return `(could not read the backlog: ${(err as Error).message})`;
  }
}
