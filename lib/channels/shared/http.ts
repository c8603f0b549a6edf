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

/** A short reason for a failed fetch, e.g. "timed out after 15 s" or "getaddrinfo ENOTFOUND host". */
export function describeNetworkError(err: unknown, timeoutMs = DEFAULT_TIMEOUT_MS): string {
  if (isTimeoutError(err)) return `timed out after ${Math.round(timeoutMs / 1000)} s`;
  if (err instanceof Error) {
    // Node's fetch reports "fetch failed" and puts the useful part (ECONNREFUSED...) in `cause`.
    const cause = err.cause;
    if (cause instanceof Error && cause.message) return cause.message;
    return err.message || err.name;
  }
  return String(err);
}

/** Retry-After as seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = new Date()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}
