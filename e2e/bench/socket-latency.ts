/**
 * Inbound webhook → agent's socket event. An agent client (socket.io-client, API token) listens
 * while signed webhooks arrive at a steady rate, a mix of existing and brand-new customers.
 *
 * Correlation: every webhook carries a unique mid. We note performance.now() just before each POST
 * (keyed by mid) and, on each `message.created`, performance.now() keyed by the event's messageId.
 * The event does not carry the mid, and fetching per event would skew the clock we are measuring,
 * so the join happens AFTER the run with one query: Message.id → Message.externalId (= the mid).
 * This is exact whatever the order of delivery, concurrency or retries, unlike counting or
 * matching by arrival order.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { CoresUsed, CpuProbe } from './cpu';
import { dbNow, jobTimings, type JobTimings } from './job-timings';
import { io, type Socket } from 'socket.io-client';
import type { BenchInbox } from './provision';
import { SETTINGS } from './settings';
import type { WebhookFactory } from './signed-bodies';
import { round, sleep, summarize, type Summary } from './stats';
import type { WebhookClient } from './webhook-client';

interface MessageCreated { messageId: string; conversationId: string; inboxId: string; direction: string }

export interface SocketLatencyResult {
  latency: Summary;
  sent: number;
  acknowledged: number;
  /** Acknowledged webhooks whose socket event never came within the grace period. */
  missing: number;
  newCustomers: number;
  achievedRate: number;
  /** Socket events received per second over the sending window (what the pipeline kept up with). */
  deliveredRate: number;
  /** Cores used per process while sending. */
  cores?: CoresUsed;
  /** inbound.process jobs of the measured phase: queue wait and handler time. */
  jobs?: JobTimings;
}

export interface SocketPhase {
  result: SocketLatencyResult;
  /** Conversations of the pre-existing customers (used by the reply phase). */
  conversationIds: string[];
}

export async function measureSocketLatency(opts: {
  origin: string;
  token: string;
  inbox: BenchInbox;
  factory: WebhookFactory;
  client: WebhookClient;
  db: pg.Pool;
  probe?: CpuProbe;
}): Promise<SocketPhase> {
  const { factory, client, inbox } = opts;
  const s = SETTINGS.socket;
  const socket = await connect(opts.origin, opts.token);
  const received = new Map<string, { at: number; conversationId: string }>();
  socket.on('message.created', (e: MessageCreated) => {
    const at = performance.now(); // first thing: the arrival time is the measurement
    if (e.inboxId === inbox.id && e.direction === 'inbound') received.set(e.messageId, { at, conversationId: e.conversationId });
  });

  try {
    // Warm-up, not measured: the "existing" customers write once, so they have open conversations.
    const existing = Array.from({ length: s.existingCustomers }, (_, i) => factory.psid(i));
    const warm = await Promise.all(existing.map((psid) => client.post(factory.next(psid, 'warm'))));
    if (warm.some((status) => status !== 200)) throw new Error(`warm-up webhooks refused: ${warm.join(',')}`);
    const warmDeadline = Date.now() + 30_000;
    while (received.size < existing.length && Date.now() < warmDeadline) await sleep(20);
    if (received.size < existing.length) throw new Error(`only ${received.size}/${existing.length} warm-up messages reached the socket within 30 s`);
    const conversationIds = [...new Set([...received.values()].map((r) => r.conversationId))];
    received.clear();

    // Measured phase: one webhook every 1000/rate ms on an absolute schedule (no drift), bounded
    // by count and by time.
    const total = s.ratePerSecond * s.durationSeconds;
    const interval = 1000 / s.ratePerSecond;
    const sentAt = new Map<string, number>();
    const statuses: Promise<{ mid: string; status: number }>[] = [];
    let newCustomers = 0;
    await opts.probe?.start();
    const dbFrom = await dbNow(opts.db);
    const t0 = performance.now();
    for (let i = 0; i < total; i++) {
      const due = t0 + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await sleep(wait);
      if (performance.now() - t0 > (s.durationSeconds + 5) * 1000) break; // fell far behind: stop
      const fresh = i % s.newCustomerEvery === 0;
      if (fresh) newCustomers += 1;
      const psid = fresh ? factory.psid(1_000_000 + i) : existing[i % existing.length];
      const signed = factory.next(psid, 'sock');
      sentAt.set(signed.mid, performance.now());
      statuses.push(client.post(signed).then((status) => ({ mid: signed.mid, status })));
    }
    const sendSeconds = (performance.now() - t0) / 1000;
    const deliveredInWindow = received.size;
    const cores = await opts.probe?.stop();
    const acks = await Promise.all(statuses);
    const dbTo = await dbNow(opts.db); // after the last acknowledgement: every job of the phase exists
    const acknowledged = acks.filter((a) => a.status === 200).length;

    const graceEnd = Date.now() + s.graceMs;
    while (received.size < acknowledged && Date.now() < graceEnd) await sleep(50);

    // The join (see the header comment): messageId → mid, in one query.
    const ids = [...received.keys()];
    const { rows } = await opts.db.query<{ id: string; externalId: string }>(
      `SELECT id::text AS id, "externalId" FROM "Message" WHERE id = ANY($1::uuid[])`,
      [ids],
    );
    const jobs = await jobTimings(opts.db, 'inbound.process', dbFrom, dbTo);
    const latencies: number[] = [];
    for (const row of rows) {
      const sent = sentAt.get(row.externalId);
      const got = received.get(row.id);
      if (sent !== undefined && got) latencies.push(got.at - sent);
    }
    return {
      conversationIds,
      result: {
        latency: summarize(latencies),
        sent: sentAt.size,
        acknowledged,
        missing: acknowledged - latencies.length,
        newCustomers,
        achievedRate: round(sentAt.size / sendSeconds, 1),
        deliveredRate: round(deliveredInWindow / sendSeconds, 1),
        ...(cores && { cores }),
        ...(jobs && { jobs }),
      },
    };
  } finally {
    socket.close();
  }
}

/** Resolves once the server has put the socket in its inbox rooms (it emits `ready` then). */
function connect(origin: string, token: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = io(origin, { auth: { token }, transports: ['websocket'], reconnection: false, timeout: 10_000 });
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error('socket: no `ready` within 15 s'));
    }, 15_000);
    socket.once('ready', () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once('connect_error', (err: Error) => {
      clearTimeout(timer);
      socket.close();
      reject(new Error(`socket: ${err.message}`));
    });
  });
}
