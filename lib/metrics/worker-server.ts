/**
 * The worker's own metrics endpoint (WORKER_METRICS_PORT): the worker has no web server, and
 * its counters (processing, deliveries) live in its memory, so it serves them itself rather than
 * through the database. Same protection as the web's /api/metrics. Without METRICS_TOKEN it
 * listens on 127.0.0.1 only; with a token on HOST, so a Prometheus elsewhere can scrape it.
 */
import { createServer, type Server } from 'node:http';
import { stampClientAddress } from '@/lib/auth/client-address';
import { logger } from '@/lib/logger';
import { serveMetrics } from './endpoint';

export async function startWorkerMetricsServer(options: { port: number; host: string; token: string | undefined }): Promise<() => Promise<void>> {
  const host = options.token ? options.host : '127.0.0.1';
  const server: Server = createServer((req, res) => {
    stampClientAddress(req, false); // scraped directly, never through a proxy
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/metrics' && path !== '/api/metrics') {
      res.writeHead(404, { 'content-type': 'application/json' });
      res.end('{"error":{"code":"not_found","message":"Metrics are at /metrics"}}');
      return;
    }
    void serveMetrics(req, res, options.token);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, resolve);
  });
  logger.info({ url: `http://${host.includes(':') ? `[${host}]` : host}:${options.port}/metrics` }, 'worker metrics listening');
  return () => new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections(); // scrapers keep connections open; a scrape in flight is simply retried
  });
}
