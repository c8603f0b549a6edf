/**
 * Test-only stand-in for Switchboard's webhook ingress, running the real Telegram connector:
 * verify on the raw bytes → parse → "store" → ack, then afterIngest, in that order.
 */
import { createServer } from 'node:http';
import { telegramConnector, type TelegramConfig } from '../../../lib/channels/telegram';
import { testDeps } from '../../../lib/channels/shared/memory-cache';
import type { NormalizedEvent, WebhookRequest } from '../../../lib/channels/types';
import { closeServer, listen, readBody } from '../http';
import { waitFor } from '../messenger/timers';

export async function startIngress(config: () => TelegramConfig, opts: { failFirst?: number } = {}) {
  const events: NormalizedEvent[] = [];
  const seen = new Set<string>();
  const statuses: number[] = [];
  let posts = 0;
  const server = createServer(async (req, res) => {
    const rawBody = await readBody(req);
    const request: WebhookRequest = {
      method: req.method ?? 'POST',
      url: new URL(req.url ?? '/', 'http://ingress.test'),
      headers: new Headers(Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : []))),
      rawBody,
    };
    const verdict = await telegramConnector.verify(request, config(), testDeps());
    if (!verdict.ok) {
      statuses.push(verdict.status);
      return void res.writeHead(verdict.status).end(verdict.reason);
    }
    // A simulated outage of the app for the first N posts: Telegram must retry them.
    if (++posts <= (opts.failFirst ?? 0)) {
      statuses.push(503);
      return void res.writeHead(503).end();
    }
    const parsed = telegramConnector.parse(request, config());
    const fresh = parsed.filter((e) => !seen.has(e.dedupeKey));
    for (const e of fresh) {
      seen.add(e.dedupeKey);
      events.push(e);
    }
    const ack = telegramConnector.ack(request, config());
    statuses.push(ack.status);
    res.writeHead(ack.status).end(ack.body);
    await telegramConnector.afterIngest!(fresh, config(), testDeps({ fetch: globalThis.fetch }));
  });
  const base = await listen(server, 0, '127.0.0.1');
  return {
    url: `${base}/api/webhooks/telegram/inbox_1`,
    events,
    statuses,
    /** The next event matching the predicate (waits for the webhook). */
    next: <T extends NormalizedEvent['type']>(type: T, where: (e: Extract<NormalizedEvent, { type: T }>) => boolean = () => true) =>
      waitFor(() => events.find((e): e is Extract<NormalizedEvent, { type: T }> => e.type === type && where(e as never)), 3000, `a ${type} event`),
    close: () => closeServer(server),
  };
}
