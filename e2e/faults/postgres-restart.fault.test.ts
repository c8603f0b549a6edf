/**
 * Fault 3: PostgreSQL is restarted while customers write (signed webhooks from the Messenger
 * simulator, which retries like Meta) and agents reply (REST API). Web and worker recover on their
 * own: GET /api/health is 200 again within 30 s of the database coming back, every acknowledged
 * webhook is a message, every accepted reply reaches the provider exactly once.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startMessengerSimulator, type MessengerSimulator } from '../simulators/messenger/server';
import { connectMessengerPage, customersWrite, type ConnectedPage } from './harness/messenger';
import { accepted, postReply, sendsPerReply, type PostedReply } from './harness/replies';
import { backlogReport, duplicates, inboundMessageIds, messageStatuses, missing, unprocessedEvents } from './harness/store';
import { FaultStack } from './harness/stack';
import { sleep, waitUntil } from './harness/wait';

const CUSTOMERS = 8;
const DOWN_MS = 3_000;
const HEALTHY_WITHIN_MS = 30_000;
/** Jobs a worker held when the database went away must be taken up again by themselves, not after pg-boss's 15-minute expiry. */
const PROCESSED_WITHIN_MS = 120_000;

let stack: FaultStack;
let sim: MessengerSimulator;
let page: ConnectedPage;
let token: string;

beforeAll(async () => {
  // Meta retries a failed webhook for a long time; compressed here to ~45 s, enough to outlast the restart.
  sim = await startMessengerSimulator({ port: 0, retrySchedule: [1_000, 2_000, 4_000, 8_000, 12_000, 18_000], webhookTimeoutMs: 10_000 });
  stack = await FaultStack.start();
  token = await stack.adminToken();
  page = await connectMessengerPage(stack, token, sim);
});

afterAll(async () => {
  await stack?.stop();
  await sim?.close();
});

it('recovers from a PostgreSQL restart by itself, losing no acknowledged webhook and sending every accepted reply once', async () => {
  const { psids, conversations } = await customersWrite(stack, sim, page, CUSTOMERS, (psid) => `Hello from ${psid}`);

  // Traffic in both directions at a steady pace, not waiting for answers (some hang while the database is down).
  let flowing = true;
  const pending: Promise<unknown>[] = [];
  const replies: PostedReply[] = [];
  const refusals: string[] = [];
  const flow = (async () => {
    for (let i = 0; flowing; i++) {
      const psid = psids[i % CUSTOMERS];
      pending.push(sim.customerSends({ pageId: page.pageId, psid, text: `Message ${i} from ${psid}` }));
      if (i % 2 === 0) {
        pending.push(postReply(stack.url, token, conversations.get(psid)!, psid, `Reply ${i}`).then((r) => (accepted(r) ? replies.push(r) : refusals.push(r.refused))));
      }
      await sleep(100);
    }
  })();

  await sleep(3_000);
  await stack.postgres.stop();
  await sleep(DOWN_MS);
  await stack.postgres.start();
  const healthyAfterMs = await stack.waitForHealth(HEALTHY_WITHIN_MS);
  await sleep(3_000);
  flowing = false;
  await flow;
  await Promise.all(pending);
  expect(stack.web.crashes, `the web process survives the restart\n${stack.describe()}`).toEqual([]);
  expect(stack.worker.crashes, `the worker survives the restart\n${stack.describe()}`).toEqual([]);

  // Every webhook the app acknowledged, on the first attempt or a retry.
  await waitUntil('the simulator to finish its webhook retries', async () => (await sim.webhooksIdle(), true), 90_000);
  const log = sim.webhookLog({ pageId: page.pageId }).filter((a) => a.kinds.includes('message'));
  const acked = new Set(log.filter((a) => a.status !== null && a.status >= 200 && a.status < 300).flatMap((a) => a.eventIds));
  const failedAttempts = log.filter((a) => a.status === null || a.status >= 300).length;
  const given = new Set(log.flatMap((a) => a.eventIds));

  const idleAt = Date.now();
  await waitUntil('every acknowledged webhook to be processed', async () => (await unprocessedEvents(stack.db, page.inboxId)) === 0 && missing(acked, await inboundMessageIds(stack.db, page.inboxId)).length === 0, PROCESSED_WITHIN_MS, async () => `${missing(acked, await inboundMessageIds(stack.db, page.inboxId)).length} acknowledged webhooks are not messages\n${await backlogReport(stack.db, page.inboxId)}\n${stack.describe()}`, 500);
  const processedAfterMs = Date.now() - idleAt;
  const stored = await inboundMessageIds(stack.db, page.inboxId);
  expect(missing(acked, stored), 'every acknowledged webhook is a message').toEqual([]);
  expect(missing(given, acked), 'the simulator retried until every webhook was acknowledged').toEqual([]);
  expect(duplicates(stored), 'no message is stored twice').toEqual({});

  // Every reply the API accepted reaches the provider, once; some are refused while the database is away.
  expect(replies.length, `the API accepts replies outside the restart (refusals: ${refusals.slice(0, 3).join(' | ')})`).toBeGreaterThan(0);
  const ids = replies.map((r) => r.id);
  await waitUntil('every accepted reply to reach the provider', () => missing(ids, sendsPerReply(sim, page.pageId).keys()).length === 0, 60_000, async () => `${missing(ids, sendsPerReply(sim, page.pageId).keys()).length} replies not sent; statuses: ${JSON.stringify([...(await messageStatuses(stack.db, ids)).values()].filter((s) => !['sent', 'delivered', 'read'].includes(s.status)))}\n${stack.describe()}`, 500);
  await sleep(2_000); // a duplicate send would show up now
  const sends = sendsPerReply(sim, page.pageId);
  expect(Object.fromEntries(ids.filter((id) => sends.get(id) !== 1).map((id) => [id, sends.get(id)])), 'each reply is sent exactly once').toEqual({});
  const statuses = await messageStatuses(stack.db, ids);
  const notSent = ids.map((id) => ({ id, ...statuses.get(id) })).filter((s) => !['sent', 'delivered', 'read'].includes(s.status ?? ''));
  expect(notSent, 'a reply the provider accepted is recorded as sent').toEqual([]);

  expect(healthyAfterMs).toBeLessThanOrEqual(HEALTHY_WITHIN_MS);
  console.log(`[faults] PostgreSQL restart: healthy ${healthyAfterMs} ms after it came back; ${acked.size} webhooks acknowledged (${failedAttempts} failed attempts retried), all processed ${processedAfterMs} ms after the simulator's last retry; ${ids.length} replies accepted and sent once, ${refusals.length} refused while down`);
});
