/**
 * `npm run bench`: starts the real stack (as `npm start` does) on free loopback ports with a
 * throw-away DATA_DIR and embedded Postgres (or BENCH_DATABASE_URL), then measures in order:
 *   1. inbound webhook → agent socket event latency at a steady rate
 *   2. reply → provider (fake Graph API) call latency
 *   3. webhook ingest throughput: node:http+HMAC+INSERT baseline first (stack idle), then Switchboard
 *   4. how fast the worker drains the backlog that flood queued (bounded wait)
 *   5. resident memory of web and worker
 * The latency phases come first, on an idle stack: the flood leaves thousands of queued jobs that
 * would otherwise sit in front of every webhook the latency phase sends.
 * prints a summary table, writes e2e/bench/results/latest.json, and stops everything it started.
 * A phase that fails is reported and the rest still run; the exit code is 1 if any failed.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { api } from './api';
import { startBaseline } from './baseline';
import { waitForDrain } from './backlog';
import { cpuProbe } from './cpu';
import { startFakeGraph } from './fake-graph';
import { measureIngest } from './ingest';
import { stackMemory } from './memory';
import { stackProcesses } from './processes';
import { provision } from './provision';
import { measureReplyLatency } from './reply-latency';
import { formatTable, machineInfo, TARGETS, writeResults, type BenchResults } from './report';
import { SETTINGS } from './settings';
import { WebhookFactory } from './signed-bodies';
import { measureSocketLatency } from './socket-latency';
import { startStackWithRetry } from './stack';
import { round } from './stats';
import { WebhookClient } from './webhook-client';

const started = performance.now();
const log = (m: string) => console.log(`[bench +${Math.round((performance.now() - started) / 1000)}s] ${m}`);

/** Undone in reverse order, whatever happens (including Ctrl-C). */
const cleanups: { name: string; run: () => Promise<unknown> | unknown }[] = [];
let cleaning: Promise<void> | undefined;
function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    for (const c of cleanups.reverse()) {
      try {
        await c.run();
      } catch (err) {
        console.error(`[bench] cleanup of ${c.name} failed: ${(err as Error).message}`);
      }
    }
  })();
  return cleaning;
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    log(`${signal}: stopping everything the bench started…`);
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const results: BenchResults = {
    generatedAt: new Date().toISOString(),
    machine: machineInfo(),
    database: process.env.BENCH_DATABASE_URL ? 'BENCH_DATABASE_URL' : 'embedded',
    startupSeconds: 0,
    settings: SETTINGS,
    targets: TARGETS,
    failures: [],
  };
  let stackGone: () => string | null = () => null;
  /** Runs one measured phase; a failure is recorded and the bench moves on. */
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T | undefined> => {
    const gone = stackGone();
    if (gone) {
      results.failures.push(`${name}: skipped, ${gone}`);
      return undefined;
    }
    log(`${name}…`);
    try {
      const value = await fn();
      // A phase can "succeed" with garbage if the stack died under it.
      const died = stackGone();
      if (died) throw new Error(died);
      return value;
    } catch (err) {
      results.failures.push(`${name}: ${(err as Error).message}`);
      log(`${name} FAILED: ${(err as Error).stack ?? err}`);
      return undefined;
    }
  };

  try {
    const graph = await startFakeGraph();
    cleanups.push({ name: 'fake Graph API', run: () => graph.close() });

    log(`starting Switchboard (${results.database} Postgres; a stale build runs \`next build\` first)…`);
    const stack = await startStackWithRetry(path.resolve(root), log, (stop) => cleanups.push({ name: 'Switchboard stack', run: stop }));
    stackGone = () => stack.exitedUnexpectedly();
    results.startupSeconds = round((performance.now() - started) / 1000, 1);
    log(`stack healthy at ${stack.url} (data in ${stack.dataDir})`);

    const { token, inbox } = await provision(root, stack, graph.url);
    log(`admin, API token and Messenger inbox ${inbox.id} created`);
    const db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
    db.on('error', () => undefined);
    cleanups.push({ name: 'database pool', run: () => db.end() });
    const factory = new WebhookFactory(inbox.pageId, inbox.appSecret);
    const procs = await stackProcesses(stack.launcherPid);
    const postgres = { pid: procs.postgres, tree: true };

    // 1. Webhook → socket event, on an idle stack (before the flood below leaves a backlog).
    const client = new WebhookClient(stack.url, inbox.webhookPath);
    cleanups.push({ name: 'webhook client', run: () => client.close() });
    const socket = await phase('webhook → socket event latency', () =>
      measureSocketLatency({ origin: stack.url, token, inbox, factory, client, db, probe: cpuProbe({ web: { pid: procs.web }, worker: { pid: procs.worker }, postgres }) }),
    );
    results.socket = socket?.result;

    // 2. Reply → provider call, on the warm-up conversations (or any the API lists).
    let conversationIds = socket?.conversationIds ?? [];
    if (conversationIds.length === 0 && !stackGone()) {
      const listed = await api<{ items?: { id: string }[] }>(stack.url, 'GET', '/api/v1/conversations?status=all&limit=50', { token });
      conversationIds = (listed.json.items ?? []).map((c) => c.id);
    }
    results.reply = await phase('reply → provider call latency', () => measureReplyLatency({ origin: stack.url, token, conversationIds, graph, db }));

    // 3. Ingest throughput: the baseline first, while the stack idles; then Switchboard's real
    //    ingress with the same settings.
    const baseline = await phase('ingest baseline (node:http + HMAC + INSERT)', async () => {
      const server = await startBaseline(stack.databaseUrl, inbox.appSecret);
      try {
        return await measureIngest(server.url, inbox.webhookPath, factory, 'base', cpuProbe({ baseline: { pid: server.pid }, postgres }));
      } finally {
        await server.stop();
      }
    });
    const ingest = await phase('ingest Switchboard', () =>
      measureIngest(stack.url, inbox.webhookPath, factory, 'ing', cpuProbe({ web: { pid: procs.web }, worker: { pid: procs.worker }, postgres })),
    );
    if (ingest && baseline) results.ingest = { switchboard: ingest, baseline, ratioPercent: round((100 * ingest.requestsPerSecond) / baseline.requestsPerSecond, 0) };
    if (ingest) log(`switchboard ${ingest.requestsPerSecond} req/s, p50 ${ingest.p50} ms, p99 ${ingest.p99} ms; baseline ${baseline?.requestsPerSecond ?? '–'} req/s`);

    // 4. The flood left one event per request to process: how fast does the worker catch up? (bounded wait)
    results.backlog = await phase('worker backlog drain', () =>
      waitForDrain(db, inbox.id, (pending) => log(`  ${pending} events still queued`), cpuProbe({ worker: { pid: procs.worker }, postgres })),
    );

    // 5. Memory after all of it, before anything is stopped.
    results.memory = await phase('resident memory', () => stackMemory(stack.launcherPid));
    results.stackLog = { errorLines: stack.logs.errors, restarts: stack.logs.restarts };
    if (stack.logs.errors > 0) log(`the stack logged ${stack.logs.errors} error lines; last lines:\n${stack.logs.last(15)}`);
  } catch (err) {
    results.failures.push((err as Error).message);
    log(`FAILED: ${(err as Error).stack ?? err}`);
  } finally {
    log('stopping the stack (SIGTERM) and removing temporary data…');
    await cleanup();
  }

  const file = await writeResults(results);
  console.log(`\n${formatTable(results)}\n\nFigures written to ${path.relative(process.cwd(), file)} (total ${round((performance.now() - started) / 1000, 0)} s)`);
  return results.failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    void cleanup().finally(() => process.exit(1));
  },
);
