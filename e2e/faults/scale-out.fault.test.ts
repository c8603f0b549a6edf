/**
 * Scale-out on one PostgreSQL: two web and two worker processes, as separate OS processes on one
 * database. Webhooks go to web A and web B at once; an agent's socket on web B receives every
 * message.created exactly once, whether the worker (inbound) or web A (replies) produced it, which
 * is the Socket.IO Postgres adapter's fan-out between web processes; replies sent through web A
 * reach the provider exactly once and in order; one worker is killed -9 under load and the other
 * one processes everything (what the dead one held, and what arrives after).
 */
import { randomBytes } from 'node:crypto';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { api } from '../bench/api';
import { cli } from '../bench/provision';
import { WebhookFactory } from '../bench/signed-bodies';
import { startMessengerSimulator, type MessengerSimulator } from '../simulators/messenger/server';
import { connectMessengerPage, customersWrite, type ConnectedPage } from './harness/messenger';
import { accepted, postReply, sendsPerReply, type PostedReply } from './harness/replies';
import { backlogReport, duplicates, inboundMessageIds, missing, unprocessedEvents } from './harness/store';
import { FaultStack, type ExtraWeb } from './harness/stack';
import { sleep, waitUntil } from './harness/wait';
import { isAck, startFlood } from './harness/webhooks';

/** Webhook connections per web process. */
const CONNECTIONS = 3;
const CUSTOMERS = 20;
/** Acknowledged webhooks before the kill, and again after it. */
const BEFORE_KILL = 120;
const AFTER_KILL = 120;
const REPLY_CUSTOMERS = 2;

let stack: FaultStack;
let webB: ExtraWeb;
let sim: MessengerSimulator;
let page: ConnectedPage;
let token: string;
let socket: Socket | undefined;

beforeAll(async () => {
  sim = await startMessengerSimulator({ port: 0 });
  stack = await FaultStack.start();
  // Web B and worker 2 start while the first admin is set up through web A.
  const secondWorker = stack.addWorker();
  [webB, token] = await Promise.all([stack.addWeb(), stack.adminToken()]);
  page = await connectMessengerPage(stack, token, sim);
  expect(secondWorker.running, `the second worker is running\n${stack.describe()}`).toBe(true);
  // Four processes start one after the other on a shared 2-core machine: more than the suite's usual 120 s hook budget.
}, 200_000);

afterAll(async () => {
  socket?.close();
  await stack?.stop();
  await sim?.close();
});

/** An agent (created through web B's API) with an API token, for the socket. */
async function agentToken(): Promise<string> {
  const email = `agent-${Date.now()}@example.com`;
  const created = await api(webB.url, 'POST', '/api/v1/users', { token, body: { name: 'Scale-out agent', email, password: randomBytes(12).toString('hex'), role: 'agent' } });
  if (created.status !== 201) throw new Error(`creating the agent failed: ${created.status} ${JSON.stringify(created.json)}`);
  const output = await cli(stack.root, stack, ['token:create', '--email', email, '--name', 'scale-out']);
  return output.trim().split('\n').pop()!.trim();
}

/** The agent's socket on web B, recording every message.created of the page's inbox. */
async function agentSocketOnWebB(): Promise<{ messageIds: string[]; disconnects: string[] }> {
  const seen = { messageIds: [] as string[], disconnects: [] as string[] };
  const s = connectSocket(webB.url, { auth: { token: await agentToken() }, transports: ['websocket'], reconnection: false });
  socket = s;
  s.on('message.created', (p: { messageId: string; inboxId: string }) => {
    if (p.inboxId === page.inboxId) seen.messageIds.push(p.messageId);
  });
  s.on('disconnect', (reason) => seen.disconnects.push(reason));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket on web B was not ready within 15 s')), 15_000);
    s.once('ready', () => (clearTimeout(timer), resolve()));
    s.once('connect_error', (err) => (clearTimeout(timer), reject(err)));
  });
  return seen;
}

async function inboxMessageIds(): Promise<{ id: string; direction: string }[]> {
  const { rows } = await stack.db.query<{ id: string; direction: string }>(`SELECT "id", "direction"::text AS direction FROM "Message" WHERE "inboxId" = $1`, [page.inboxId]);
  return rows;
}

/** Replies through web A's REST API, one conversation after the other, each accepted before the next. */
async function reply(conversations: Map<string, string>, psids: string[], round: string): Promise<PostedReply[]> {
  const posted: PostedReply[] = [];
  for (const psid of psids) {
    const r = await postReply(stack.url, token, conversations.get(psid)!, psid, `Reply ${round} to ${psid}`);
    if (!accepted(r)) throw new Error(`web A refused a reply: ${r.refused}\n${stack.describe()}`);
    posted.push(r);
  }
  return posted;
}

it('2 web + 2 worker processes on one database: webhooks to both webs, every socket event once, replies once and in order, a worker killed -9 loses nothing', async () => {
  const started = Date.now();
  const seen = await agentSocketOnWebB();

  // Customers who will get replies write first (opens Messenger's 24-hour window); the simulator posts to web A.
  const { psids, conversations } = await customersWrite(stack, sim, page, REPLY_CUSTOMERS, (psid) => `Hello from ${psid}`);

  // Webhooks to web A and web B at once, while replies go out through web A.
  const factory = new WebhookFactory(page.pageId, page.appSecret);
  let n = 0;
  const make = () => factory.next(factory.psid(n++ % CUSTOMERS), 'scale');
  const floods = [startFlood(stack.url, page.webhookPath, make, CONNECTIONS), startFlood(webB.url, page.webhookPath, make, CONNECTIONS)];
  const acknowledged = () => floods.reduce((sum, f) => sum + f.acknowledged(), 0);
  const replies: PostedReply[] = [];
  try {
    for (const round of ['1', '2', '3']) replies.push(...(await reply(conversations, psids, round)));
    await waitUntil(`${BEFORE_KILL} acknowledged webhooks before the kill`, () => acknowledged() >= BEFORE_KILL, 30_000, () => stack.describe(), 20);
    expect(floods.map((f) => f.acknowledged()).every((a) => a > 0), 'both web processes acknowledged webhooks').toBe(true);

    // Worker 1 dies in the middle of the flood (whatever it held is taken over by worker 2).
    await stack.worker.kill9();
    const ackedAtKill = acknowledged();
    for (const round of ['4', '5']) replies.push(...(await reply(conversations, psids, round)));
    await waitUntil(`${AFTER_KILL} more acknowledged webhooks after the kill`, () => acknowledged() >= ackedAtKill + AFTER_KILL, 30_000, () => stack.describe(), 20);
  } finally {
    await Promise.all(floods.map((f) => f.stop()));
  }
  const results = floods.flatMap((f) => f.results);
  expect(results.filter((r) => !isAck(r)).map((r) => r.status), 'both web processes acknowledge every webhook').toEqual([]);
  const mids = [...new Set(results.map((r) => r.signed.mid))];

  // Everything is processed by the surviving worker: the flood, and the replies.
  const replyIds = replies.map((r) => r.id);
  await waitUntil(
    'every webhook to be a message and every reply to be delivered, with one worker left',
    async () => (await unprocessedEvents(stack.db, page.inboxId)) === 0 && missing(mids, await inboundMessageIds(stack.db, page.inboxId)).length === 0 && missing(replyIds, sendsPerReply(sim, page.pageId).keys()).length === 0,
    90_000,
    async () => `${missing(mids, await inboundMessageIds(stack.db, page.inboxId)).length} webhooks not yet messages, ${missing(replyIds, sendsPerReply(sim, page.pageId).keys()).length} replies not sent\n${await backlogReport(stack.db, page.inboxId)}\n${stack.describe()}`,
    500,
  );
  const processedAfterMs = Date.now() - started;

  // Every message of the inbox, inbound (published by a worker) and outbound (published by web A), reaches web B's socket.
  const messages = await inboxMessageIds();
  const wanted = messages.map((m) => m.id);
  await waitUntil('the socket on web B to receive message.created for every message', () => missing(wanted, seen.messageIds).length === 0, 10_000,
    () => `${missing(wanted, seen.messageIds).length} of ${wanted.length} not received; disconnects: ${seen.disconnects.join(', ') || 'none'}`, 100);
  await sleep(2_000); // a duplicate event or send would show up now

  const stored = await inboundMessageIds(stack.db, page.inboxId);
  expect(duplicates(stored), 'no webhook is stored twice').toEqual({});
  expect(missing(mids, stored), 'every acknowledged webhook is a message').toEqual([]);
  expect(seen.disconnects, 'the socket stayed connected').toEqual([]);
  expect(duplicates(seen.messageIds), 'no message.created reaches the socket twice').toEqual({});
  expect(missing(wanted, seen.messageIds)).toEqual([]);
  expect(seen.messageIds.filter((id) => !wanted.includes(id)), 'no event for a message that does not exist').toEqual([]);
  expect(messages.filter((m) => m.direction === 'outbound').map((m) => m.id).sort(), 'the outbound events are the replies').toEqual([...replyIds].sort());

  const sends = sendsPerReply(sim, page.pageId);
  expect(Object.fromEntries([...sends].filter(([, count]) => count > 1)), 'no reply is sent twice').toEqual({});
  for (const psid of psids) {
    const order = sim.sent({ pageId: page.pageId, psid }).map((m) => m.metadata).filter((m) => m !== undefined);
    expect(order, `replies to ${psid} arrive once each, in the order they were written`).toEqual(replies.filter((r) => r.psid === psid).map((r) => r.id));
  }
  expect(stack.processes.flatMap((p) => p.crashes), 'no process crashed (the kill -9 was asked for)').toEqual([]);
  console.log(`[faults] scale-out: ${mids.length} webhooks (${floods[0].acknowledged()} to web A, ${floods[1].acknowledged()} to web B) and ${replies.length} replies, ${seen.messageIds.length} message.created on web B's socket, all processed ${processedAfterMs} ms after the start with worker 1 killed -9 midway`);
});
