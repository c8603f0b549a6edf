/**
 * The pages' Content-Security-Policy. Scripts run only with this request's nonce (Next reads it from
 * the request's CSP header and puts it on its own scripts; 'strict-dynamic' lets those load their
 * chunks), so markup injected into a page cannot run script. proxy.ts sets it on every page.
 * Runs in Next's proxy too: Web Crypto only, no Node imports.
 */

export type CspInput = {
  nonce: string;
  /** PUBLIC_URL: its scheme decides ws: or wss:, and https turns on upgrade-insecure-requests. */
  publicUrl: string;
  /** The Host the page was requested on (local use under another name), when it is a plain host. */
  host?: string | null;
  /** `next dev` needs eval (React's error overlay) and inline styles (dev overlay, HMR). */
  dev?: boolean;
};

const HOST = /^([a-z0-9-]+\.)*[a-z0-9-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/** 128 random bits, base64: unguessable and unique per response. */
export function newNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export function contentSecurityPolicy({ nonce, publicUrl, host, dev = false }: CspInput): string {
  const url = new URL(publicUrl);
  const https = url.protocol === 'https:';
  const ws = https ? 'wss:' : 'ws:';
  // 'self' covers same-origin WebSockets only in recent browsers: name them.
  const sockets = new Set([`${ws}//${url.host}`]);
  if (host && HOST.test(host)) sockets.add(`${ws}//${host.toLowerCase()}`);
  const directives: Record<string, string[]> = {
    'default-src': ["'self'"],
    'script-src': ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    'style-src': ["'self'", dev ? "'unsafe-inline'" : `'nonce-${nonce}'`],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'"],
    'connect-src': ["'self'", ...sockets],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** HSTS only makes sense (and is only honoured) when the app is served over https. */
export function strictTransportSecurity(publicUrl: string): string | null {
  return new URL(publicUrl).protocol === 'https:' ? 'max-age=31536000; includeSubDomains' : null;
}
