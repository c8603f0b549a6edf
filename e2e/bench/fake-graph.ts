/**
 * A tiny fake Graph API (Send API only) in the bench process. It timestamps each call when its
 * request headers arrive, before reading the body, and keys the time by `message.metadata`, which
 * Switchboard sets to its own message id (the id returned by POST …/messages). Same clock as the
 * client that timed the 201, so the difference is the real reply → provider delay.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

export interface FakeGraph {
  url: string;
  /** metadata (Switchboard message id) → performance.now() when the send call arrived. */
  arrivals: Map<string, number>;
  calls(): number;
  close(): Promise<void>;
}

export async function startFakeGraph(): Promise<FakeGraph> {
  const arrivals = new Map<string, number>();
  let calls = 0;
  let sent = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const arrivedAt = performance.now();
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://graph');
      if (req.method !== 'POST' || !/^\/v\d+\.\d+\/me\/messages$/.test(url.pathname)) {
        return reply(res, 404, { error: { message: 'Unknown path (bench fake Graph API)', type: 'OAuthException', code: 803 } });
      }
      calls += 1;
      let body: { recipient?: { id?: string }; message?: { metadata?: string } } = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof body;
      } catch {
        return reply(res, 400, { error: { message: 'Invalid JSON', type: 'OAuthException', code: 100 } });
      }
      const metadata = body.message?.metadata;
      if (metadata && !arrivals.has(metadata)) arrivals.set(metadata, arrivedAt);
      sent += 1;
      reply(res, 200, { recipient_id: body.recipient?.id ?? '0', message_id: `m_bench_sent_${sent}` });
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    arrivals,
    calls: () => calls,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function reply(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=UTF-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}
