/** Helpers for the simulator's own tests: a real messaging endpoint and a fast-configured simulator. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { closeServer, listen, readBody } from '../http';
import { type BotFrameworkSimulator, type BotFrameworkSimulatorOptions, startBotFrameworkSimulator } from './server';
import { waitFor } from './timers';

export const BOT = { appId: '9e1b6c3a-5b1f-4a3e-8d2c-1f0e2d3c4b5a', password: 'sim-secret~abc', tenantId: '72f988bf-86f1-41af-91ab-2d7cd011db47', name: 'SupportBot' };

export interface ReceivedActivity {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  activity: any;
}

/** A bot endpoint that records what arrives; `respond` decides status and body (default 200, empty). */
export async function startBotEndpoint(respond?: (r: ReceivedActivity) => { status: number; body?: string } | Promise<{ status: number; body?: string }>) {
  const received: ReceivedActivity[] = [];
  const server = createServer(async (req, res) => {
    const rawBody = await readBody(req);
    const r: ReceivedActivity = { rawBody, headers: req.headers, activity: JSON.parse(rawBody.toString('utf8')) };
    received.push(r);
    const { status, body = '' } = respond ? await respond(r) : { status: 200 };
    res.writeHead(status, { 'Content-Type': body ? 'application/json' : 'text/plain' });
    res.end(body);
  });
  const url = await listen(server, 0, '127.0.0.1');
  return {
    url: `${url}/api/webhooks/botframework/key123456`,
    received,
    waitFor: (n: number) => waitFor(() => received.length >= n && received, 3000, `${n} activities`),
    close: () => closeServer(server),
  };
}

export function startFastSimulator(opts: BotFrameworkSimulatorOptions = {}): Promise<BotFrameworkSimulator> {
  return startBotFrameworkSimulator({ hangMs: 200, deliveryTimeoutMs: 2000, ...opts });
}

/** Gets a fake AAD token for BOT like the connector does. */
export async function aadToken(sim: BotFrameworkSimulator, form: Record<string, string> = {}, tenant = BOT.tenantId) {
  const res = await fetch(`${sim.url}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: BOT.appId, client_secret: BOT.password, scope: 'https://api.botframework.com/.default', ...form }),
  });
  return { status: res.status, json: (await res.json()) as any };
}

/** POSTs to the fake Connector; `path` is appended to the serviceUrl as given (encode it yourself). */
export async function connectorPost(serviceUrl: string, path: string, token: string | null, body: unknown) {
  const res = await fetch(`${serviceUrl}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, headers: res.headers, json: (await res.json().catch(() => null)) as any };
}
