/** The worker's metrics port: loopback-only without a token, the token from anywhere with one. */
import { afterEach, describe, expect, it } from 'vitest';
import { startWorkerMetricsServer } from './worker-server';

const PORT = 3901; // this helper's ports are 3900-3909
let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

describe('worker metrics server', () => {
  it('without METRICS_TOKEN listens on 127.0.0.1 only and serves /metrics to loopback callers', async () => {
    stop = await startWorkerMetricsServer({ port: PORT, host: '0.0.0.0', token: undefined });
    const res = await fetch(`http://127.0.0.1:${PORT}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('switchboard_inbound_processing_seconds');
    expect((await fetch(`http://127.0.0.1:${PORT}/other`)).status).toBe(404);
    // Bound to 127.0.0.1, not 0.0.0.0: the port is free on every other address.
    const { createServer } = await import('node:net');
    const probe = createServer();
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(PORT, '127.0.0.2', resolve));
    probe.close();
  });

  it('with METRICS_TOKEN requires the bearer token', async () => {
    const token = 'worker-metrics-token-0123456789';
    const PORT = 3902; // not the first test's port: fetch's pool may still hold a socket the closed server dropped
    stop = await startWorkerMetricsServer({ port: PORT, host: '127.0.0.1', token });
    expect((await fetch(`http://127.0.0.1:${PORT}/metrics`)).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${PORT}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${PORT}/api/metrics`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
