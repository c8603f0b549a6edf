/**
 * Reply → provider call. An agent posts replies (REST API, Bearer token) at a modest steady rate,
 * round-robin over several conversations; the latency of each is from the moment its 201 arrives
 * to the moment the fake Graph API receives the Send API call carrying that message's id as
 * `metadata`. Both instants are taken with performance.now() in this process.
 *
 * The reply is committed together with its job before the 201 is written, so a very fast worker
 * can call the provider before the 201 reaches us: such samples are negative and kept as they are.
 */
import { performance } from 'node:perf_hooks';
import type pg from 'pg';
import type { FakeGraph } from './fake-graph';
import { dbNow, jobTimings, type JobTimings } from './job-timings';
import { SETTINGS } from './settings';
import { sleep, summarize, type Summary } from './stats';

export interface ReplyLatencyResult {
  latency: Summary;
  /** How long POST …/messages itself took (request → 201). */
  apiLatency: Summary;
  sent: number;
  refused: number;
  missing: number;
  conversations: number;
  /** outbound.deliver jobs of the phase: queue wait and handler time. */
  jobs?: JobTimings;
}

export async function measureReplyLatency(opts: { origin: string; token: string; conversationIds: string[]; graph: FakeGraph; db: pg.Pool }): Promise<ReplyLatencyResult> {
  const s = SETTINGS.reply;
  const conversations = opts.conversationIds.slice(0, s.conversations);
  if (conversations.length === 0) throw new Error('no conversation to reply to');
  const createdAt = new Map<string, number>();
  const apiTimes: number[] = [];
  let refused = 0;
  const dbFrom = await dbNow(opts.db);
  const t0 = performance.now();
  for (let i = 0; i < s.count && performance.now() - t0 < s.maxMs; i++) {
    const due = t0 + (i * 1000) / s.ratePerSecond;
    const wait = due - performance.now();
    if (wait > 1) await sleep(wait);
    const conversationId = conversations[i % conversations.length];
    const before = performance.now();
    const res = await fetch(`${opts.origin}/api/v1/conversations/${conversationId}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${opts.token}` },
      body: JSON.stringify({ text: `Thanks for writing! Reply ${i + 1} from the bench.` }),
      signal: AbortSignal.timeout(15_000),
    });
    const at201 = performance.now(); // fetch resolves when the status line and headers are in
    const body = (await res.json()) as { id?: string };
    if (res.status !== 201 || !body.id) {
      refused += 1;
      continue;
    }
    createdAt.set(body.id, at201);
    apiTimes.push(at201 - before);
  }

  const graceEnd = Date.now() + s.graceMs;
  const arrivedCount = () => [...createdAt.keys()].filter((id) => opts.graph.arrivals.has(id)).length;
  while (arrivedCount() < createdAt.size && Date.now() < graceEnd) await sleep(50);

  const jobs = await jobTimings(opts.db, 'outbound.deliver', dbFrom, await dbNow(opts.db));
  const latencies: number[] = [];
  for (const [id, at] of createdAt) {
    const arrived = opts.graph.arrivals.get(id);
    if (arrived !== undefined) latencies.push(arrived - at);
  }
  return {
    latency: summarize(latencies),
    apiLatency: summarize(apiTimes),
    sent: createdAt.size,
    refused,
    missing: createdAt.size - latencies.length,
    conversations: conversations.length,
    ...(jobs && { jobs }),
  };
}
