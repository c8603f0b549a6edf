/** Small HTTP helpers for connectors: always the injected fetch, always a timeout. */

export const DEFAULT_TIMEOUT_MS = 15_000;

/** `fetchImpl` with an AbortSignal.timeout; rejects with a `TimeoutError` DOMException when it fires. */
export function fetchWithTimeout(
  fetchImpl: typeof fetch,
  url: string,
  init: RequestInit = {},
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<Response> {
  return fetchImpl(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

export interface ResponseBody {
  text: string;
  /** The parsed JSON, or undefined when the body is not JSON (HTML error pages, empty bodies). */
  json: unknown;
}

/** Reads a body as text and parses it as JSON when it is JSON; never throws on a non-JSON body. */
export async function readResponseBody(res: Response): Promise<ResponseBody> {
  const text = await res.text();
  try {
    return { text, json: text ? (JSON.parse(text) as unknown) : undefined };
  } catch {
    return { text, json: undefined };
  }
}

export function isTimeoutError(err: unknown): boolean {
  return err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
}

/** Plain reasons for socket-level failures, matched on the error codes Node and undici use. */
const NETWORK_REASONS: [RegExp, string][] = [
  [/ECONNREFUSED/, 'the connection was refused'],
  [/ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL/, 'the host name could not be resolved'],
  [/ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT/, 'the connection timed out'],
  [/EHOSTUNREACH|ENETUNREACH|EHOSTDOWN|ENETDOWN/, 'the host is unreachable'],
  [/ECONNRESET|EPIPE|UND_ERR_SOCKET|socket hang up|other side closed/i, 'the connection was closed before an answer'],
  [/CERT|SSL|TLS|self[- ]signed/i, 'the TLS certificate was not accepted'],
];

/**
 * A short reason for a failed fetch that is safe to show to an admin or an agent, e.g. "timed out
 * after 15 s" or "the connection was refused": never the socket error itself, which names internal
 * addresses (`connect ECONNREFUSED 10.0.0.5:443`). The safe fetch's refusals keep their own message.
 */
export function describeNetworkError(err: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): string {
  if (isTimeoutError(err)) return `timed out after ${Math.round(timeoutMs / 1000)} s`;
  const seen: string[] = [];
  // Node's fetch reports "fetch failed" and puts the useful part (ECONNREFUSED...) in `cause`.
  for (let e: unknown = err; e instanceof Error && seen.length < 5; e = e.cause) {
    if (e.name === 'UnsafeUrlError' || e.name === 'TooLargeError' || e.name === 'TooManyRedirectsError') return lowerFirst(e.message);
    seen.push(`${(e as NodeJS.ErrnoException).code ?? ''} ${e.message}`);
  }
  const text = seen.join(' ');
  return NETWORK_REASONS.find(([pattern]) => pattern.test(text))?.[1] ?? 'the request failed on the network';
}

/** True when the safe fetch refused the URL or the body (private address, too large...): retrying cannot help. */
export function isRefusedByPolicy(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'UnsafeUrlError' || e.name === 'TooLargeError' || e.name === 'TooManyRedirectsError') return true;
  }
  return false;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** Retry-After as seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = new Date()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}
