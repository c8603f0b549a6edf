/**
 * Child process: the floor Switchboard's ingress is compared with. A plain node:http server that
 * does the irreducible work of a durable webhook receiver: read the raw body, HMAC-SHA256 it with
 * the app secret, compare in constant time, then ONE INSERT (raw body + dedupe key, with the same
 * kind of unique constraint Switchboard uses) through a pg Pool (max 10, like Switchboard's), and
 * answer 200 EVENT_RECEIVED. No framework, no transaction, no job queue.
 *
 * Env: BASELINE_DATABASE_URL, BASELINE_APP_SECRET, BASELINE_TABLE. Reports its port over IPC.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pg from 'pg';

const databaseUrl = required('BASELINE_DATABASE_URL');
const secret = required('BASELINE_APP_SECRET');
const table = required('BASELINE_TABLE').replace(/[^a-z0-9_]/g, '');

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
pool.on('error', () => undefined);
const INSERT = `INSERT INTO ${table} (dedupe_key, raw_body) VALUES ($1, $2) ON CONFLICT (dedupe_key) DO NOTHING`;

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/plain', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function verify(header: string | string[] | undefined, body: Buffer): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const received = Buffer.from(header.slice(7), 'utf8');
  const expected = Buffer.from(createHmac('sha256', secret).update(body).digest('hex'), 'utf8');
  return received.length === expected.length && timingSafeEqual(received, expected);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  if (req.method !== 'POST') return send(res, 405, 'Use POST');
  if (!verify(req.headers['x-hub-signature-256'], body)) return send(res, 403, 'Bad signature');
  // The mid is the dedupe key, as in Switchboard (parsing is part of the fair floor: it must know what it stores).
  let key: string | undefined;
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { entry?: { messaging?: { message?: { mid?: string } }[] }[] };
    key = parsed.entry?.[0]?.messaging?.[0]?.message?.mid;
  } catch {
    return send(res, 400, 'Malformed');
  }
  if (!key) return send(res, 400, 'Malformed');
  await pool.query(INSERT, [key, body]);
  send(res, 200, 'EVENT_RECEIVED');
}

async function main() {
  await pool.query(`CREATE TABLE IF NOT EXISTS ${table} (
    id bigserial PRIMARY KEY, dedupe_key text NOT NULL UNIQUE, raw_body bytea NOT NULL, received_at timestamptz NOT NULL DEFAULT now())`);
  const server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, 'Temporary failure');
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  process.send?.({ port: (server.address() as AddressInfo).port });
  const stop = () => {
    server.close();
    server.closeAllConnections();
    void pool.end().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  process.on('disconnect', stop); // the bench died: do not linger
}

main().catch((err) => {
  console.error(`[baseline] ${(err as Error).stack ?? err}`);
  process.exit(1);
});
