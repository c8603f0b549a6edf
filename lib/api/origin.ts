/**
 * Refuses cross-site requests that ride on the session cookie (CSRF on the API, cross-site
 * WebSocket hijacking on Socket.IO). Browsers send `Origin` on every non-GET request and on
 * WebSocket handshakes, and `Sec-Fetch-Site` on every request; a request with neither did not come
 * from a browser, so no third-party page can have made it carry the victim's cookie (the same rule
 * as Go's net/http CrossOriginProtection). Bearer-token requests need no check: a token is never
 * sent by the browser on its own.
 */
import { runtimeEnv } from '@/lib/env';

type Headers = { get(name: string): string | null | undefined };

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * True when the request comes from the app's own pages: its `Origin` is PUBLIC_URL's origin or
 * names the host the request was sent to (local use under another name, e.g. 127.0.0.1), or, without
 * `Origin`, `Sec-Fetch-Site` says same-origin or user-initiated; or it carries neither header.
 */
export function isSameOrigin(headers: Headers, publicUrl: string): boolean {
  const origin = headers.get('origin');
  if (origin) {
    let url: URL;
    try {
      url = new URL(origin);
    } catch {
      return false; // includes the opaque origin "null" (sandboxed frames, data: URLs)
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
    if (url.origin === new URL(publicUrl).origin) return true;
    const host = headers.get('host');
    return !!host && url.host === host.toLowerCase();
  }
  const site = headers.get('sec-fetch-site');
  if (site) return site === 'same-origin' || site === 'none';
  return true;
}

/**
 * True when the request would act with the session cookie: a mutating method and no Authorization
 * header (with one, resolveActor never looks at the cookie, and another site's page cannot send one
 * without a CORS preflight, which Switchboard never grants).
 */
export function needsOriginCheck(method: string, headers: Headers): boolean {
  return !SAFE_METHODS.has(method.toUpperCase()) && !headers.get('authorization');
}

/** The 403 for a cookie-authenticated mutating request from another site, or null to go on. */
export function refuseCrossSite(req: Request): Response | null {
  if (!needsOriginCheck(req.method, req.headers) || isSameOrigin(req.headers, runtimeEnv().PUBLIC_URL)) return null;
  return Response.json({ error: { code: 'bad_origin', message: 'This request came from another site; use the app itself or an API token' } }, { status: 403 });
}
