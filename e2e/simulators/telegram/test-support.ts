/** Helpers for the simulator's own tests: a real webhook receiver and a fast-configured simulator. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { closeServer, listen, readBody } from '../http';
import { waitFor } from '../messenger/timers';
import { startTelegramSimulator, type TelegramSimulator, type TelegramSimulatorOptions } from './server';

export const BOT = { token: '6101234567:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw1', username: 'acme_support_bot', firstName: 'Acme Support' };
export const SECRET = 'sb_secret-123';
export const ANA = { id: 427770117, firstName: 'Ana', lastName: 'Lima', username: 'analima' };

export interface ReceivedUpdate {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  update: any;
}

/** A webhook endpoint like the app's; respond(n, update) picks the status of the n-th POST (default 200). */
export async function startReceiver(opts: { respond?: (n: number, update: any) => number | Promise<number> } = {}) {
  const received: ReceivedUpdate[] = [];
  const server = createServer(async (req, res) => {
    const rawBody = await readBody(req);
    const update = JSON.parse(rawBody.toString('utf8'));
    received.push({ rawBody, headers: req.headers, update });
    const status = opts.respond ? await opts.respond(received.length, update) : 200;
    res.writeHead(status).end();
  });
  const url = await listen(server, 0, '127.0.0.1');
  return {
    url: `${url}/api/webhooks/telegram/inbox_1`,
    received,
    updateIds: () => received.map((r) => r.update.update_id as number),
    waitForPosts: (n: number, timeoutMs = 3000) => waitFor(() => received.length >= n && received, timeoutMs, `${n} webhook POSTs`),
    close: () => closeServer(server),
  };
}

/** Simulator with compressed timings and http webhooks allowed, so tests stay fast and local. */
export function startFastSimulator(opts: TelegramSimulatorOptions = {}): Promise<TelegramSimulator> {
  return startTelegramSimulator({ retrySchedule: [20, 40], allowHttpWebhooks: true, ...opts });
}

/** Calls the fake Bot API like a client does (JSON POST); returns status and parsed JSON. */
export async function botApi(sim: TelegramSimulator, method: string, params: Record<string, unknown> = {}, token = BOT.token) {
  const res = await fetch(`${sim.url}/bot${token}/${method}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(params) });
  return { status: res.status, json: (await res.json()) as any };
}

/** A registered bot whose webhook points at the receiver, with Switchboard's secret token. */
export async function connectedBot(sim: TelegramSimulator, receiverUrl: string, extra: Record<string, unknown> = {}) {
  sim.registerBot(BOT);
  const set = await botApi(sim, 'setWebhook', { url: receiverUrl, secret_token: SECRET, ...extra });
  if (!set.json.ok) throw new Error(`setWebhook failed: ${set.json.description}`);
}
