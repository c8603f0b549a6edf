/** Helpers for the simulator's own tests: a raw webhook receiver and a simulator with compressed timings. */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { closeServer, listen, readBody } from '../http';
import { waitFor } from '../messenger/timers';
import { sha1Signature } from './crypto';
import { startWeChatSimulator, type WeChatSimulator, type WeChatSimulatorOptions } from './server';

export const ACCOUNT = {
  appId: 'wx49f0ab532d5d035a',
  appSecret: 'test_app_secret_0123456789abcdef',
  ghId: 'gh_123456789abc',
  name: 'Acme 客服',
  token: 'testToken123',
  encodingAesKey: 'kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR',
};
export const OPENID = 'o6_bmjrPTlm6_2sgVt7hMZOPfL2M';

export interface ReceivedPush {
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export type Answer = { status?: number; body?: string; delayMs?: number; contentType?: string };

/**
 * A server URL like an app's, independent of the connector: answers URL verification with the
 * plain signature check, records every POST and answers it through `respond` (default `success`).
 */
export async function startReceiver(opts: { token?: string; respond?: (n: number, push: ReceivedPush) => Answer | Promise<Answer> } = {}) {
  const received: ReceivedPush[] = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const q = url.searchParams;
    if (req.method === 'GET') {
      const ok = q.get('signature') === sha1Signature(opts.token ?? ACCOUNT.token, q.get('timestamp') ?? '', q.get('nonce') ?? '');
      res.writeHead(ok ? 200 : 401, { 'Content-Type': 'text/plain' });
      return res.end(ok ? q.get('echostr') : 'Invalid signature');
    }
    const push: ReceivedPush = { query: q, headers: req.headers, rawBody: (await readBody(req)).toString('utf8') };
    received.push(push);
    const answer = opts.respond ? await opts.respond(received.length, push) : {};
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    if (res.destroyed) return;
    res.writeHead(answer.status ?? 200, { 'Content-Type': answer.contentType ?? 'text/plain' });
    res.end(answer.body ?? 'success');
  });
  const url = await listen(server, 0, '127.0.0.1');
  return {
    url: `${url}/api/webhooks/wechat/inbox_1?tenant=acme`,
    received,
    waitForPushes: (n: number, timeoutMs = 3000) => waitFor(() => received.length >= n && received, timeoutMs, `${n} pushes`),
    close: () => closeServer(server),
  };
}

/** Deadline 300 ms, attempts 350 ms apart: the real 5 s timings compressed. */
export function startFastSimulator(opts: WeChatSimulatorOptions = {}): Promise<WeChatSimulator> {
  return startWeChatSimulator({ replyDeadlineMs: 300, attemptSpacingMs: 350, ...opts });
}

/** Calls the fake API like an app; returns the parsed JSON (the platform always answers HTTP 200). */
export async function api(sim: WeChatSimulator, method: 'GET' | 'POST', path: string, query: Record<string, string> = {}, body?: unknown) {
  const url = new URL(path, sim.url);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await fetch(url, {
    method,
    ...(body === undefined ? {} : body instanceof FormData ? { body } : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
  });
  return { status: res.status, json: (await res.json()) as any };
}

export async function fetchToken(sim: WeChatSimulator, appId = ACCOUNT.appId, secret = ACCOUNT.appSecret): Promise<string> {
  const { json } = await api(sim, 'GET', '/cgi-bin/token', { grant_type: 'client_credential', appid: appId, secret });
  if (!json.access_token) throw new Error(`no token: ${JSON.stringify(json)}`);
  return json.access_token;
}

export const sendText = (sim: WeChatSimulator, token: string, content: string, touser = OPENID) =>
  api(sim, 'POST', '/cgi-bin/message/custom/send', { access_token: token }, { touser, msgtype: 'text', text: { content } });
