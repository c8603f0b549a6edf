/**
 * An app under test for channel integration tests: the real webhook ingress (and /api/metrics) on a real HTTP port,
 * a fresh database, and the real worker (pg-boss handlers + dispatcher) in this process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { useTestDatabase } from './database';

export interface AppHarness { publicUrl: string; close(): Promise<void> }

export async function startAppHarness(): Promise<AppHarness> {
  // The custom server's front door (webhooks, /api/metrics, request ids); anything else is a 404 here.
  const front = import('@/lib/server/front-door').then((m) => m.frontDoor({ trustProxy: false, metricsToken: process.env.METRICS_TOKEN }, (_req, res) => res.writeHead(404).end()));
  const server: Server = createServer((req, res) => void front.then((listener) => listener(req, res)));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  process.env.PUBLIC_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await useTestDatabase();
  const { boss, stopBoss } = await import('@/lib/jobs/boss');
  const { startWorking } = await import('@/worker/registry');
  const stopDispatcher = await startWorking(await boss({ listen: true }), 4);
  return {
    publicUrl: process.env.PUBLIC_URL,
    async close() {
      await stopDispatcher();
      await stopBoss();
      await (await import('@/lib/db')).closeDb();
      server.close();
    },
  };
}

export async function until<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}
