/**
 * Fault 1: the worker is down while 1,000 signed webhooks arrive. The web process acknowledges each
 * one after storing it; once the worker starts, every one becomes exactly one message.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebhookFactory } from '../bench/signed-bodies';
import { startMessengerSimulator, type MessengerSimulator } from '../simulators/messenger/server';
import { connectMessengerPage, type ConnectedPage } from './harness/messenger';
import { duplicates, inboundMessageIds, missing, unprocessedEvents } from './harness/store';
import { FaultStack } from './harness/stack';
import { waitUntil } from './harness/wait';
import { isAck, postAll } from './harness/webhooks';

const WEBHOOKS = 1_000;
const CUSTOMERS = 50;
const CONNECTIONS = 25;

let stack: FaultStack;
let sim: MessengerSimulator;
let page: ConnectedPage;

beforeAll(async () => {
  sim = await startMessengerSimulator({ port: 0 });
  stack = await FaultStack.start({ worker: false });
  page = await connectMessengerPage(stack, await stack.adminToken(), sim);
});

afterAll(async () => {
  await stack?.stop();
  await sim?.close();
});

it('stores 1,000 webhooks while the worker is down, and turns them into 1,000 messages once it starts', async () => {
  const factory = new WebhookFactory(page.pageId, page.appSecret);
  const bodies = Array.from({ length: WEBHOOKS }, (_, i) => factory.next(factory.psid(i % CUSTOMERS), 'backlog'));
  const results = await postAll(stack.url, page.webhookPath, bodies, CONNECTIONS);

  const refused = results.filter((r) => !isAck(r));
  expect(refused.map((r) => r.status), 'every webhook is acknowledged while the worker is down').toEqual([]);
  expect(await unprocessedEvents(stack.db, page.inboxId)).toBe(WEBHOOKS);
  expect(await inboundMessageIds(stack.db, page.inboxId), 'nothing is processed without a worker').toEqual([]);

  stack.worker.start();
  await waitUntil('the backlog to drain', async () => (await unprocessedEvents(stack.db, page.inboxId)) === 0, 120_000, async () => `${await unprocessedEvents(stack.db, page.inboxId)} events left\n${stack.describe()}`, 500);

  const stored = await inboundMessageIds(stack.db, page.inboxId);
  expect(duplicates(stored), 'no message is stored twice').toEqual({});
  expect(missing(bodies.map((b) => b.mid), stored), 'every acknowledged webhook is a message').toEqual([]);
  expect(stored).toHaveLength(WEBHOOKS);
  expect(stack.web.crashes.concat(stack.worker.crashes)).toEqual([]);
});
