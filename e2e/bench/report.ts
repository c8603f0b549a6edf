/** The final summary table (stdout) and the same figures as JSON in e2e/bench/results/latest.json. */
import { mkdir, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { BacklogResult } from './backlog';
import type { IngestResult } from './ingest';
import type { JobTimings } from './job-timings';
import type { StackMemory } from './memory';
import type { ReplyLatencyResult } from './reply-latency';
import { SETTINGS } from './settings';
import type { SocketLatencyResult } from './socket-latency';

export const TARGETS = {
  ingestRatioPercent: 50,
  socketP50Ms: 100,
  socketP99Ms: 300,
  replyP50Ms: 150,
  webRssMb: 400,
  workerRssMb: 250,
} as const;

export interface BenchResults {
  generatedAt: string;
  machine: { cores: number; cpu: string; node: string; loadAverageAtStart: number[] };
  database: 'embedded' | 'BENCH_DATABASE_URL';
  startupSeconds: number;
  settings: typeof SETTINGS;
  targets: typeof TARGETS;
  ingest?: { switchboard: IngestResult; baseline: IngestResult; ratioPercent: number };
  backlog?: BacklogResult;
  socket?: SocketLatencyResult;
  reply?: ReplyLatencyResult;
  memory?: StackMemory;
  stackLog?: { errorLines: number; restarts: number };
  failures: string[];
}

export function machineInfo(): BenchResults['machine'] {
  return { cores: availableParallelism(), cpu: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverageAtStart: loadavg().map((v) => Math.round(v * 100) / 100) };
}

const n = (v: number | null | undefined, digits = 0) =>
  v === null || v === undefined || Number.isNaN(v) ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (v: number | null | undefined) => n(v, Math.abs(v ?? 0) < 10 ? 1 : 0);
const cores = (c: Record<string, number>) => Object.entries(c).map(([name, v]) => `${name} ${v.toFixed(2)}`).join(', ');
const jobLine = (j: JobTimings) =>
  `${j.completed}/${j.jobs} completed; queue wait p50 ${ms(j.waitMs.p50)} ms p95 ${ms(j.waitMs.p95)} p99 ${ms(j.waitMs.p99)}; handler p50 ${ms(j.runMs.p50)} ms p95 ${ms(j.runMs.p95)} p99 ${ms(j.runMs.p99)}`;
const ok = (good: boolean | null) => (good === null ? '' : good ? ' ✓' : ' ✗');

export function formatTable(r: BenchResults): string {
  const lines = [`Switchboard benchmark (${r.machine.cores} cores, load generator on the same machine; ${r.machine.cpu}; Node ${r.machine.node}; ${r.database} Postgres)`];
  const pad = (label: string) => label.padEnd(31);
  const i = r.ingest;
  if (i) {
    const s = i.switchboard;
    const b = i.baseline;
    lines.push(
      `${pad(`ingest (${SETTINGS.ingest.connections} conns, ${SETTINGS.ingest.durationSeconds} s)`)}switchboard ${n(s.requestsPerSecond)} req/s  p50 ${ms(s.p50)} ms  p99 ${ms(s.p99)} ms  non-2xx ${n(s.non2xx + s.errors + s.timeouts)}` +
        ` | node:http+HMAC+INSERT ${n(b.requestsPerSecond)} req/s  p50 ${ms(b.p50)} ms  p99 ${ms(b.p99)} ms  non-2xx ${n(b.non2xx + b.errors + b.timeouts)}` +
        ` | ratio ${n(i.ratioPercent)}% (target ≥ ${TARGETS.ingestRatioPercent}%)${ok(i.ratioPercent >= TARGETS.ingestRatioPercent)}`,
    );
    if (s.cores || b.cores) lines.push(`${pad('  cores used during ingest')}switchboard: ${s.cores ? cores(s.cores) : '–'} | baseline: ${b.cores ? cores(b.cores) : '–'}`);
  }
  const bl = r.backlog;
  if (bl) {
    lines.push(
      `${pad('worker backlog after ingest')}${n(bl.atStart)} events ` +
        (bl.drainSeconds !== null
          ? `drained in ${n(bl.drainSeconds, 1)} s (${n(bl.eventsPerSecond, 1)} events/s)`
          : `NOT drained within ${SETTINGS.backlog.maxWaitMs / 1000} s: ${n(bl.remaining)} left at ${n(bl.eventsPerSecond, 1)} events/s (≈ ${n(bl.projectedSecondsLeft)} s more)`) +
        (bl.withErrors ? `, ${n(bl.withErrors)} failing` : '') +
        (bl.cores ? `; cores used: ${cores(bl.cores)}` : ''),
    );
  }
  const s = r.socket;
  if (s) {
    const good = s.latency.n > 0 ? s.latency.p50 < TARGETS.socketP50Ms && s.latency.p99 < TARGETS.socketP99Ms : false;
    lines.push(
      `${pad(`webhook → socket event (${SETTINGS.socket.ratePerSecond}/s)`)}p50 ${ms(s.latency.p50)} ms  p95 ${ms(s.latency.p95)}  p99 ${ms(s.latency.p99)}  max ${ms(s.latency.max)}  (n=${s.latency.n}, missing ${s.missing}, ${s.newCustomers} new customers, ${n(s.achievedRate, 1)}/s sent, ${n(s.deliveredRate, 1)}/s delivered) (target p50 < ${TARGETS.socketP50Ms}, p99 < ${TARGETS.socketP99Ms})${ok(good)}`,
    );
  }
  if (s?.jobs) lines.push(`${pad('  inbound.process jobs')}${jobLine(s.jobs)}`);
  if (s?.cores) lines.push(`${pad('  cores used while sending')}${cores(s.cores)}`);
  const rp = r.reply;
  if (rp) {
    lines.push(
      `${pad('reply → provider call')}p50 ${ms(rp.latency.p50)} ms  p95 ${ms(rp.latency.p95)}  p99 ${ms(rp.latency.p99)}  max ${ms(rp.latency.max)}  (n=${rp.latency.n}, missing ${rp.missing}, ${rp.conversations} conversations; POST → 201 p50 ${ms(rp.apiLatency.p50)} ms) (target p50 < ${TARGETS.replyP50Ms})${ok(rp.latency.n > 0 && rp.latency.p50 < TARGETS.replyP50Ms)}`,
    );
  }
  if (rp?.jobs) lines.push(`${pad('  outbound.deliver jobs')}${jobLine(rp.jobs)}`);
  const m = r.memory;
  if (m) {
    lines.push(
      `${pad('RSS after run')}web ${n(m.web?.rssMb)} MB (peak ${n(m.web?.peakRssMb)}) (target < ${TARGETS.webRssMb})${ok(m.web ? m.web.rssMb < TARGETS.webRssMb : null)}` +
        `  worker ${n(m.worker?.rssMb)} MB (peak ${n(m.worker?.peakRssMb)}) (target < ${TARGETS.workerRssMb})${ok(m.worker ? m.worker.rssMb < TARGETS.workerRssMb : null)}`,
    );
  }
  if (r.stackLog) lines.push(`${pad('stack log')}${r.stackLog.errorLines} error lines, ${r.stackLog.restarts} process restarts; start-up ${n(r.startupSeconds, 1)} s`);
  for (const f of r.failures) lines.push(`FAILED: ${f}`);
  return lines.join('\n');
}

export async function writeResults(r: BenchResults): Promise<string> {
  const dir = fileURLToPath(new URL('./results/', import.meta.url));
  await mkdir(dir, { recursive: true });
  const file = `${dir}latest.json`;
  await writeFile(file, `${JSON.stringify(r, null, 2)}\n`);
  return file;
}
