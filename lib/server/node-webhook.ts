/**
 * The custom server's fast path for /api/webhooks/*: reads the raw body from the Node stream
 * (with the size cap) and calls the ingress core directly, before Next's router.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BUSY_RETRY_AFTER_SECONDS, isDatabaseBusy } from '@/lib/db-busy';
import { BUSY_BODY, handleWebhookRequest } from '@/lib/ingress/webhook';
import { runtimeEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { channelOfWebhookPath, countWebhook, metrics } from '@/lib/metrics/metrics';

function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks, size)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string, contentType = 'application/json', headers: Record<string, string> = {}) {
  res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

const TOO_LARGE = '{"error":{"code":"payload_too_large","message":"Body too large"}}';

export async function serveWebhook(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method === 'POST') {
    const stopTimer = metrics().webhookAck.startTimer();
    res.once('close', () => stopTimer()); // 'close' also fires when the body was cut off
  }
  const tooLarge = () => {
    countWebhook(channelOfWebhookPath(req.url ?? '/'), 'too_large');
    send(res, 413, TOO_LARGE);
  };
  try {
    const max = runtimeEnv().WEBHOOK_MAX_BYTES;
    if (Number(req.headers['content-length'] ?? 0) > max) return tooLarge();
    const rawBody = req.method === 'POST' ? await readBody(req, max) : Buffer.alloc(0);
    if (rawBody === null) return tooLarge();
    const headers = new Headers();
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
    const url = new URL(req.url ?? '/', 'http://internal');
    const reply = await handleWebhookRequest({ method: req.method ?? 'GET', url, headers, rawBody });
    send(res, reply.status, reply.body, reply.contentType ?? 'text/plain; charset=utf-8');
  } catch (err) {
    // Not acknowledged: the provider retries, so nothing is lost.
    if (isDatabaseBusy(err)) {
      logger.warn({ err }, 'webhook refused: database busy');
      if (!res.headersSent) send(res, 503, BUSY_BODY, 'application/json', { 'retry-after': String(BUSY_RETRY_AFTER_SECONDS) });
      return;
    }
    logger.error({ err }, 'webhook handling failed');
    if (!res.headersSent) send(res, 500, '{"error":{"code":"internal","message":"Temporary failure, retry later"}}');
  }
}
