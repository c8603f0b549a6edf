/**
 * Did a failed send perhaps reach the provider? None of our providers takes an idempotency key
 * (PROTOCOLS.md, "Idempotent sends"), so a request that timed out after it was written, or whose
 * connection dropped before the answer, must not be repeated blindly: the agent is told it "may
 * have been sent" instead. Connection failures (refused, DNS, connect timeout, TLS) are safe to retry.
 *
 * Works on the fetch the connector is given, so no connector has to report it: undici's connect
 * timeout (10 s) is shorter than the connectors' request timeout (15 s), so a request timeout
 * means the connection was up and the request written.
 */
import { isTimeoutError } from '@/lib/channels/shared/http';

/** Causes (undici / Node error codes) that mean the answer was lost after the request went out. */
const LOST_ANSWER = new Set(['UND_ERR_SOCKET', 'ECONNRESET', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'EPIPE']);

export function mayHaveReachedProvider(err: unknown): boolean {
  if (isTimeoutError(err)) return true;
  const cause = (err as { cause?: { code?: string; name?: string } } | null)?.cause;
  if (cause && isTimeoutError(cause)) return true;
  return Boolean(cause?.code && LOST_ANSWER.has(cause.code));
}

export interface WatchedFetch { fetch: typeof fetch; fetchUntrusted: typeof fetch; uncertain: () => boolean }

/**
 * Wraps a fetch; remembers whether a request carrying a message may have reached the provider.
 * Every connector sends messages as a JSON POST; token requests (form-encoded) and media uploads
 * (multipart) carry no message, so losing their answer cannot duplicate one.
 */
export function watchSends(base: typeof fetch, untrusted: typeof fetch = base): WatchedFetch {
  let uncertain = false;
  const watch = (f: typeof fetch) => (async (input: RequestInfo | URL, init?: RequestInit) => {
    try {
      return await f(input, init);
    } catch (err) {
      if (carriesMessage(input, init) && mayHaveReachedProvider(err)) uncertain = true;
      throw err;
    }
  }) as typeof fetch;
  // Both: Bot Framework sends its replies to the conversation's serviceUrl through the untrusted one.
  return { fetch: watch(base), fetchUntrusted: watch(untrusted), uncertain: () => uncertain };
}

function carriesMessage(input: RequestInfo | URL, init?: RequestInit): boolean {
  const method = (init?.method ?? (input instanceof Request ? input.method : 'GET')).toUpperCase();
  const type = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined)).get('content-type') ?? '';
  return method === 'POST' && type.includes('json');
}
