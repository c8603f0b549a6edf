/**
 * The address a request came from, for per-address limits. The custom server (lib/server/web.ts)
 * writes the TCP peer into PEER_HEADER, overwriting anything the client sent, because Next keeps a
 * client-supplied X-Forwarded-For as is. When the peer is a proxy on this machine or a private
 * network (nginx, a container network), the right-most X-Forwarded-For entry is the address that
 * proxy saw; entries further left are whatever the client claimed and are ignored.
 */
import { isIP } from 'node:net';

export const PEER_HEADER = 'x-switchboard-peer';

const PROXY_PEER = /^(127\.|10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.|::1$|::ffff:(127|10|192\.168)\.|f[cd][0-9a-f]{2}:)/i;

export function clientAddress(headers: Headers): string {
  const peer = headers.get(PEER_HEADER)?.trim();
  const forwarded = headers.get('x-forwarded-for')?.split(',').map((s) => s.trim()).filter((s) => isIP(s)).at(-1);
  if (peer && !PROXY_PEER.test(peer)) return peer;
  // Behind a local proxy, or not through the custom server (next dev, tests): the proxy's entry.
  return forwarded ?? peer ?? 'unknown';
}
