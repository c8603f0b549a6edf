/**
 * Fault 2: the web process is killed with SIGKILL while 50 connections post webhooks. Every webhook
 * that got a 2xx before the kill is a message after the restart; the ones cut off are re-posted with
 * the same bytes (as Meta retries), and still nothing is stored twice.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { WebhookFactory } from '../bench/signed-bodies';
import { startMessengerSimulator, type MessengerSimulator } from '../simulators/messenger/server';
import { connectMessengerPage, type ConnectedPage } from './harness/messenger';
import { duplicates, inboundMessageIds, missing, unprocessedEvents } from './harness/store';
import { FaultStack } from './harness/stack';
import { sleep, waitUntil } from './harness/wait';
import { isAck, postAll, startFlood } from './harness/webhooks';

const CONNECTIONS = 50;
const CUSTOMERS = 40;

let stack: FaultStack;
let sim: MessengerSimulator;
let page: ConnectedPage;

beforeAll(async () => {
  sim = await startMessengerSimulator({ port: 0 });
  stack = await FaultStack.start();
  page = await connectMessengerPage(stack, await stack.adminToken(), sim);
});

afterAll(async () => {
  await stack?.stop();
  await sim?.close();
});

it('loses no acknowledged webhook when the web process is killed -9 under 50 concurrent posts', async () => {
  const factory = new WebhookFactory(page.pageId, page.appSecret);
  let n = 0;
  const flood = startFlood(stack.url, page.webhookPath, () => factory.next(factory.psid(n++ % CUSTOMERS), 'kill9'), CONNECTIONS);

  await waitUntil('300 acknowledged webhooks before the kill', () => flood.acknowledged() >= 300, 30_000, () => stack.describe(), 20);
  const killedPid = stack.web.pid;
  await stack.web.kill9();
  const ackedBeforeKill = flood.acknowledged();
  await sleep(1_000);
  stack.web.start();
  expect(stack.web.pid).not.toBe(killedPid);
  await stack.waitForWeb();
  await waitUntil('webhooks to be acknowledged again after the restart', () => flood.acknowledged() >= ackedBeforeKill + 200, 30_000, () => stack.describe(), 20);
  const results = await flood.stop();

  const acked = new Set(results.filter(isAck).map((r) => r.signed.mid));
  const cutOff = new Set(results.filter((r) => !isAck(r)).map((r) => r.signed.mid));
  expect(cutOff.size, 'the kill cut requests off (otherwise this test proved nothing)').toBeGreaterThan(0);

  // Events the flood stopped retrying: the provider posts them again, identical, after the restart.
  const bodies = new Map(results.map((r) => [r.signed.mid, r.signed]));
  const unacked = [...bodies.values()].filter((b) => !acked.has(b.mid));
  const retried = await postAll(stack.url, page.webhookPath, unacked, 10);
  expect(retried.filter((r) => !isAck(r)).map((r) => r.status), 'retries after the restart are acknowledged').toEqual([]);

  const everything = [...bodies.keys()];
  await waitUntil(
    'every event to be processed',
    async () => (await unprocessedEvents(stack.db, page.inboxId)) === 0 && (await inboundMessageIds(stack.db, page.inboxId)).length >= everything.length,
    90_000,
    async () => `${await unprocessedEvents(stack.db, page.inboxId)} unprocessed, ${(await inboundMessageIds(stack.db, page.inboxId)).length}/${everything.length} messages\n${stack.describe()}`,
    500,
  );
  const stored = await inboundMessageIds(stack.db, page.inboxId);
  expect(missing(acked, stored), 'every webhook acknowledged with a 2xx (before or after the kill) is a message').toEqual([]);
  expect(missing(everything, stored), 'every webhook, once retried, is a message').toEqual([]);
  expect(duplicates(stored), 'no message is stored twice').toEqual({});
  expect(stored).toHaveLength(everything.length);
  expect(stack.worker.crashes).toEqual([]);
  console.log(`[faults] kill -9 web: ${acked.size} events acknowledged, ${cutOff.size} had a request cut off or refused, ${stored.length} messages`);
});
