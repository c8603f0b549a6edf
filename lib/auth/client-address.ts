/**
 * The caller's network address, as the custom server saw it. The server (lib/server/web.ts) drops
 * any incoming copy of CLIENT_ADDRESS_HEADER and sets it from the socket's remote address, or from
 * the last X-Forwarded-For entry (the address our own proxy saw) when TRUST_PROXY=true. Route
 * handlers and next-auth's authorize read it back; a request that did not pass through the server
 * has no address ('unknown'), which is never loopback.
 */
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

export const CLIENT_ADDRESS_HEADER = 'x-switchboard-client-address';
export const UNKNOWN_ADDRESS = 'unknown';

type HeaderSource = { get(name: string): string | null } | Record<string, string | string[] | undefined>;

/** '::ffff:127.0.0.1' → '127.0.0.1', so one client has one spelling. */
export function normalizeAddress(address: string | undefined | null): string {
  const a = (address ?? '').trim();
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(a);
  const plain = v4 ? v4[1] : a;
  return isIP(plain) ? plain.toLowerCase() : UNKNOWN_ADDRESS;
}

export function addressFromRequest(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = req.headers['x-forwarded-for'];
    const list = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').map((s) => s.trim()).filter(Boolean);
    const last = list.at(-1);
    if (last) return normalizeAddress(last);
  }
  return normalizeAddress(req.socket.remoteAddress);
}

/** Called by the custom server for every request before anything else reads the headers. */
export function stampClientAddress(req: IncomingMessage, trustProxy: boolean): void {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  req.headers[CLIENT_ADDRESS_HEADER] = addressFromRequest(req, trustProxy);
}

export function clientAddress(headers: HeaderSource | undefined): string {
  if (!headers) return UNKNOWN_ADDRESS;
  const raw = typeof headers.get === 'function' ? (headers as { get(n: string): string | null }).get(CLIENT_ADDRESS_HEADER) : (headers as Record<string, string | string[] | undefined>)[CLIENT_ADDRESS_HEADER];
  return normalizeAddress(Array.isArray(raw) ? raw[0] : raw);
}

export function isLoopback(address: string): boolean {
  return address === '::1' || /^127\.\d+\.\d+\.\d+$/.test(address);
}
