/** Helpers for the simulator's own tests: a real webhook receiver and a fast-configured simulator. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { closeServer, listen, readBody } from '../http';
import { type MessengerSimulator, type MessengerSimulatorOptions, startMessengerSimulator } from './server';
import { waitFor } from './timers';

export interface ReceivedWebhook {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  payload: any;
  validSha256: boolean;
  validSha1: boolean;
}

function signatureValid(header: string | string[] | undefined, algorithm: 'sha1' | 'sha256', secret: string, raw: Buffer): boolean {
  if (typeof header !== 'string' || !header.startsWith(`${algorithm}=`)) return false;
  const given = Buffer.from(header.slice(algorithm.length + 1), 'hex');
  const expected = createHmac(algorithm, secret).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A webhook endpoint like the app's: answers the handshake, checks both signatures on the raw bytes. */
export async function startReceiver(opts: {
  appSecret: string;
  verifyToken?: string;
  /** Status for the n-th POST (1-based); default 200. */
  respond?: (n: number) => number | Promise<number>;
}) {
  const received: ReceivedWebhook[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (req.method === 'GET') {
      const ok = url.searchParams.get('hub.mode') === 'subscribe' && url.searchParams.get('hub.verify_token') === opts.verifyToken;
      res.writeHead(ok ? 200 : 403, { 'Content-Type': 'text/plain' });
      return res.end(ok ? url.searchParams.get('hub.challenge') : 'forbidden');
    }
    const rawBody = await readBody(req);
    received.push({
      rawBody,
      headers: req.headers,
      payload: JSON.parse(rawBody.toString('utf8')),
      validSha256: signatureValid(req.headers['x-hub-signature-256'], 'sha256', opts.appSecret, rawBody),
      validSha1: signatureValid(req.headers['x-hub-signature'], 'sha1', opts.appSecret, rawBody),
    });
    const status = opts.respond ? await opts.respond(received.length) : 200;
    res.writeHead(status, { 'Content-Type': 'text/plain' });
    res.end(status === 200 ? 'EVENT_RECEIVED' : 'error');
  });
  const url = await listen(server, 0, '127.0.0.1');
  return {
    url: `${url}/api/webhooks/messenger/abc`,
    received,
    /** Every messaging event received so far, flattened across POSTs and entries. */
    events: () => received.flatMap((r) => r.payload.entry.flatMap((e: { messaging: unknown[] }) => e.messaging)),
    waitForPosts: (n: number, timeoutMs = 3000) => waitFor(() => received.length >= n && received, timeoutMs, `${n} webhook POSTs`),
    close: () => closeServer(server),
  };
}

export const PAGE = { pageId: '104217156637689', name: 'Acme Support', accessToken: 'EAAtest-token', appSecret: 'test_app_secret', verifyToken: 'vt-123' };
export const PSID = '1254477777772919';

/** Simulator with compressed timings so tests stay fast. */
export function startFastSimulator(opts: MessengerSimulatorOptions = {}): Promise<MessengerSimulator> {
  return startMessengerSimulator({ receiptDelayMs: [5, 40], retrySchedule: [20, 40], ...opts });
}

/** Calls the fake Send API like the connector does; returns status and parsed JSON. */
export async function sendApi(sim: MessengerSimulator, body: unknown, query: Record<string, string> = {}) {
  const params = new URLSearchParams({ access_token: PAGE.accessToken, ...query });
  const res = await fetch(`${sim.url}/v21.0/me/messages?${params}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

export const textReply = (text: string, extra: Record<string, unknown> = {}) => ({
  recipient: { id: PSID },
  messaging_type: 'RESPONSE',
  message: { text },
  ...extra,
});
