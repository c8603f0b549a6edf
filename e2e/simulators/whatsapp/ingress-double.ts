/**
 * Test-only stand-in for Switchboard's webhook ingress: real HTTP, and the connector's own
 * handshake → verify → parse → ack on the exact raw bytes. Used to drive the connectors end to end.
 */
import { createServer } from 'node:http';
import { testDeps } from '../../../lib/channels/shared/memory-cache';
import { MalformedPayloadError, type Connector, type NormalizedEvent, type WebhookRequest } from '../../../lib/channels/types';
import { closeServer, listen, readBody } from '../http';
import { waitFor } from '../messenger/timers';

export interface IngressRoute {
  connector: Connector<any>;
  config: any;
}

export async function startIngress(routes: Record<string, IngressRoute>) {
  const events: { path: string; event: NormalizedEvent }[] = [];
  const refusals: { path: string; status: number; reason: string }[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    const route = routes[url.pathname];
    const rawBody = await readBody(req);
    if (!route) return void res.writeHead(404).end();
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value);
    const request: WebhookRequest = { method: req.method ?? 'GET', url, headers, rawBody };
    const reply = (status: number, body: string) => res.writeHead(status, { 'Content-Type': 'text/plain' }).end(body);

    if (request.method === 'GET') {
      const hs = route.connector.handshake(request, route.config);
      return hs ? reply(hs.status, hs.body) : reply(404, 'no handshake');
    }
    const verdict = await route.connector.verify(request, route.config, testDeps());
    if (!verdict.ok) {
      refusals.push({ path: url.pathname, status: verdict.status, reason: verdict.reason });
      return reply(verdict.status, verdict.reason);
    }
    try {
      for (const event of route.connector.parse(request, route.config)) events.push({ path: url.pathname, event });
    } catch (err) {
      if (err instanceof MalformedPayloadError) return reply(400, err.message);
      throw err;
    }
    const ack = route.connector.ack(request, route.config);
    reply(ack.status, ack.body);
  });
  const base = await listen(server, 0, '127.0.0.1');
  return {
    url: (path: string) => `${base}${path}`,
    events,
    refusals,
    of: (path: string) => events.filter((e) => e.path === path).map((e) => e.event),
    waitForEvents: (path: string, predicate: (events: NormalizedEvent[]) => boolean, timeoutMs = 3000) =>
      waitFor(() => { const list = events.filter((e) => e.path === path).map((e) => e.event); return predicate(list) && list; }, timeoutMs, `events on ${path}`),
    close: () => closeServer(server),
  };
}
