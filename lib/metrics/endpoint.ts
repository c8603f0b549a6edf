/**
 * GET /api/metrics (web) and the worker's metrics port: the process's registry in Prometheus
 * text format. With METRICS_TOKEN set, only `Authorization: Bearer <token>` is let in (from
 * anywhere); without it, only loopback callers (the address the custom server stamped).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { clientAddress, isLoopback } from '@/lib/auth/client-address';
import { logger } from '@/lib/logger';
import { metrics } from './metrics';

export const METRICS_PATH = '/api/metrics';

// Hashing both sides gives equal lengths, so the comparison takes the same time whatever was sent.
const digest = (s: string) => createHash('sha256').update(s).digest();
export function tokenMatches(authorization: string | undefined, token: string): boolean {
  const presented = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  return timingSafeEqual(digest(presented), digest(token));
}

function refuse(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
  res.end(body);
}

/** `req` must have passed stampClientAddress (lib/auth/client-address.ts). */
export async function serveMetrics(req: IncomingMessage, res: ServerResponse, token: string | undefined): Promise<void> {
  if (token) {
    if (!tokenMatches(req.headers.authorization, token)) return refuse(res, 401, 'unauthorized', 'Send Authorization: Bearer <METRICS_TOKEN>', { 'www-authenticate': 'Bearer' });
  } else if (!isLoopback(clientAddress(req.headers))) {
    return refuse(res, 403, 'forbidden', 'Metrics are served to loopback callers only; set METRICS_TOKEN to scrape from elsewhere');
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') return refuse(res, 405, 'method_not_allowed', 'Use GET', { allow: 'GET, HEAD' });
  try {
    const { registry } = metrics();
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType, 'content-length': Buffer.byteLength(body), 'cache-control': 'no-store' });
    res.end(req.method === 'HEAD' ? undefined : body);
  } catch (err) {
    logger.error({ err }, 'metrics collection failed');
    refuse(res, 500, 'internal', 'Could not collect metrics');
  }
}
