/** Helpers for the simulator's own tests: a real webhook receiver and a fast, deterministic simulator. */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { closeServer, listen, readBody } from '../http';
import { waitFor } from '../messenger/timers';
import { startWhatsAppSimulator, type WhatsAppSimulator, type WhatsAppSimulatorOptions } from './server';

export interface ReceivedWebhook {
  rawBody: Buffer;
  headers: IncomingHttpHeaders;
  payload: any;
  /** X-Hub-Signature-256 matches HMAC-SHA256(appSecret, raw bytes). */
  validSignature: boolean;
}

function signatureValid(header: string | string[] | undefined, secret: string, raw: Buffer): boolean {
  if (typeof header !== 'string' || !header.startsWith('sha256=')) return false;
  const given = Buffer.from(header.slice(7), 'hex');
  const expected = createHmac('sha256', secret).update(raw).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A webhook endpoint like the app's: answers the hub.challenge handshake, records raw bytes and headers. */
export async function startReceiver(opts: { appSecret?: string; verifyToken?: string; respond?: (n: number) => number } = {}) {
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
      rawBody, headers: req.headers, payload: JSON.parse(rawBody.toString('utf8')),
      validSignature: signatureValid(req.headers['x-hub-signature-256'], opts.appSecret ?? '', rawBody),
    });
    const status = opts.respond ? opts.respond(received.length) : 200;
    res.writeHead(status, { 'Content-Type': 'text/plain' });
    res.end(status === 200 ? 'OK' : 'error');
  });
  const url = await listen(server, 0, '127.0.0.1');
  return {
    url: `${url}/api/webhooks/whatsapp/inbox_1`,
    received,
    /** Every value of every change of every POST so far. */
    values: () => received.flatMap((r) => r.payload.entry.flatMap((e: any) => e.changes.map((c: any) => c.value))),
    statuses: () => received.flatMap((r) => r.payload.entry.flatMap((e: any) => e.changes.flatMap((c: any) => c.value.statuses ?? []))),
    waitForPosts: (n: number, timeoutMs = 3000) => waitFor(() => received.length >= n && received, timeoutMs, `${n} webhook POSTs`),
    close: () => closeServer(server),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

export const CLOUD = {
  mode: 'cloud' as const, phoneNumberId: '106540352242922', wabaId: '102290129340398', displayPhoneNumber: '15550783881',
  verifiedName: 'Acme Support', accessToken: 'EAAtest-token', appSecret: 'test_app_secret', verifyToken: 'vt-123',
};
export const CLOUD_2 = { ...CLOUD, phoneNumberId: '106540352242933', displayPhoneNumber: '15550783882', verifiedName: 'Acme Sales' };
export const D360 = { mode: '360' as const, phoneNumberId: '106540352242944', wabaId: '102290129340399', displayPhoneNumber: '4930901820', verifiedName: 'Acme DE', apiKey: 'd360-test-key' };
export const WA = '16505551234';

/** Compressed timings and a fixed status order, so tests are fast and deterministic. */
export function startFastSimulator(opts: WhatsAppSimulatorOptions = {}): Promise<WhatsAppSimulator> {
  return startWhatsAppSimulator({ statusDelayMs: 5, retrySchedule: [20, 40], statusScenario: 'in_order', multiChangeRate: 0, ...opts });
}

/** Calls the fake Cloud API like the connector does. */
export async function cloudSend(sim: WhatsAppSimulator, body: unknown, opts: { token?: string; phoneNumberId?: string } = {}) {
  const res = await fetch(`${sim.url}/v23.0/${opts.phoneNumberId ?? CLOUD.phoneNumberId}/messages`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${opts.token ?? CLOUD.accessToken}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as any };
}

export const text = (body: string, to = WA) => ({ messaging_product: 'whatsapp', recipient_type: 'individual', to, type: 'text', text: { body } });
export const template = (name: string, language: string, params: string[] = [], to = WA) => ({
  messaging_product: 'whatsapp', to, type: 'template',
  template: { name, language: { code: language }, ...(params.length ? { components: [{ type: 'body', parameters: params.map((p) => ({ type: 'text', text: p })) }] } : {}) },
});
