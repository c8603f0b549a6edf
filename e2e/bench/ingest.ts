/**
 * Webhook ingest throughput: autocannon, N connections, a short warm-up then the measured run,
 * every request a distinct correctly signed body. Used unchanged for Switchboard and the baseline.
 */
import autocannon from 'autocannon';
import type { CoresUsed, CpuProbe } from './cpu';
import { assertLoopback } from './loopback';
import { SETTINGS } from './settings';
import type { WebhookFactory } from './signed-bodies';
import { round } from './stats';

export interface IngestResult {
  requestsPerSecond: number;
  total2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  p50: number;
  p97_5: number;
  p99: number;
  max: number;
  durationSeconds: number;
  statusCodes: Record<string, number>;
  /** Cores used per process during the measured run (not the warm-up). */
  cores?: CoresUsed;
}

/** autocannon calls setupRequest before each request: a fresh body and its signature every time. */
function run(url: string, path: string, bodies: WebhookFactory, label: string, seconds: number) {
  let customer = 0;
  return autocannon({
    url,
    connections: SETTINGS.ingest.connections,
    duration: seconds,
    maxOverallRequests: SETTINGS.ingest.maxRequests,
    timeout: 10,
    requests: [
      {
        method: 'POST',
        setupRequest: (req) => {
          customer = (customer + 1) % SETTINGS.ingest.customers;
          const signed = bodies.next(bodies.psid(customer), label);
          return { ...req, method: 'POST', path, body: signed.body, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signed.signature } };
        },
      },
    ],
  });
}

export async function measureIngest(origin: string, path: string, bodies: WebhookFactory, label: string, probe?: CpuProbe): Promise<IngestResult> {
  assertLoopback(origin, 'the ingest target');
  await run(origin, path, bodies, `${label}w`, SETTINGS.ingest.warmupSeconds);
  await probe?.start();
  const r = await run(origin, path, bodies, label, SETTINGS.ingest.durationSeconds);
  const cores = await probe?.stop();
  const statusCodes = Object.fromEntries(Object.entries(r.statusCodeStats).map(([code, s]) => [code, s.count]));
  return {
    // Completed 2xx over the wall time: what a provider would see acknowledged per second.
    requestsPerSecond: round(r['2xx'] / r.duration, 0),
    total2xx: r['2xx'],
    non2xx: r.non2xx,
    errors: r.errors,
    timeouts: r.timeouts,
    p50: r.latency.p50,
    p97_5: r.latency.p97_5,
    p99: r.latency.p99,
    max: r.latency.max,
    durationSeconds: round(r.duration, 2),
    statusCodes,
    ...(cores && { cores }),
  };
}
