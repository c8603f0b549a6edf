/**
 * `fetch` for URLs that came from outside (a message, an activity, a provider's metadata): every hop
 * is checked (scheme, IP literal, and each resolved address through an undici Agent whose lookup
 * validates, so the connection goes to the checked address), at most `maxRedirects` redirects are
 * followed by hand, the body streams under a size cap, and the whole exchange has a timeout.
 */
import { Agent } from 'undici';
import type { AddressPolicy } from './address-policy';
import { capResponse } from './capped-body';
import { OutboundFetchError, TooManyRedirectsError } from './errors';
import { safeLookup } from './safe-lookup';
import { checkOutboundUrl } from './url-check';

export interface SafeFetchOptions extends AddressPolicy {
  maxBytes: number;
  maxRedirects?: number;
  /** Covers connection, headers and the whole body. */
  timeoutMs?: number;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Dropped when a redirect leaves the origin (as browsers do), so credentials never follow a link. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

export function createSafeFetch(options: SafeFetchOptions): typeof fetch {
  const { maxBytes, maxRedirects = 3, timeoutMs = 60_000 } = options;
  const dispatcher = new Agent({ connect: { lookup: safeLookup(options) } });

  // Callers pass a URL and an init; of a Request only its url is used (its body could not be re-sent on a redirect).
  return async (input, init = {}) => {
    let url = new URL(input instanceof Request ? input.url : input);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body;
    const headers = new Headers(init.headers);
    const signal = init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);

    for (let hop = 0; ; hop++) {
      checkOutboundUrl(url, options);
      const res = await fetchOnce(url, { ...init, method, body, headers, signal, redirect: 'manual', dispatcher } as RequestInit);
      const location = res.headers.get('location');
      if (!REDIRECTS.has(res.status) || !location) return capResponse(res, maxBytes);
      await res.body?.cancel();
      if (hop >= maxRedirects) throw new TooManyRedirectsError(maxRedirects);
      const next = new URL(location, url);
      if (next.origin !== url.origin) for (const h of CREDENTIAL_HEADERS) headers.delete(h);
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && method === 'POST')) {
        if (method !== 'HEAD') method = 'GET';
        body = undefined;
        headers.delete('content-type');
      }
      url = next;
    }
  };
}

/** fetch, with a refusal from the lookup surfaced as itself instead of "TypeError: fetch failed". */
async function fetchOnce(url: URL, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    for (let e: unknown = err; e instanceof Error; e = e.cause) if (e instanceof OutboundFetchError) throw e;
    throw err;
  }
}
