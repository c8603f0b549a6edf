/**
 * Recognises "the database cannot take this request now": no pooled connection within
 * DB_CONNECT_TIMEOUT_MS (pg-pool), a lock or statement timeout, too many connections, or a
 * shared-cache lock that stayed taken. Callers answer 503 with Retry-After, so providers retry
 * webhooks and browsers retry later, instead of a 500 or a request that hangs.
 * Prisma 7 rethrows pg-pool's error with the same message; pg errors keep their SQLSTATE in
 * `code`, Prisma's wrappers in `cause` or `meta`.
 */
export const BUSY_RETRY_AFTER_SECONDS = 5;

// 55P03 lock_not_available (lock_timeout), 57014 query_canceled (statement_timeout),
// 53300 too_many_connections, 57P03 cannot_connect_now (starting up / shutting down).
// P2028: Prisma could not start an interactive transaction in time (or it outlived its timeout).
const BUSY_CODES = new Set(['55P03', '57014', '53300', '57P03', 'P2028']);
const BUSY_MESSAGES = /timeout exceeded when trying to connect|Connection terminated due to connection timeout|canceling statement due to (lock|statement) timeout|sorry, too many clients/i;

export function isDatabaseBusy(err: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = err; e && typeof e === 'object' && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code, message, meta, name } = e as { code?: unknown; message?: unknown; meta?: { code?: unknown }; name?: unknown };
    if (name === 'SharedCacheBusyError') return true;
    if (typeof code === 'string' && BUSY_CODES.has(code)) return true;
    if (typeof meta?.code === 'string' && BUSY_CODES.has(meta.code)) return true;
    if (typeof message === 'string' && BUSY_MESSAGES.test(message)) return true;
  }
  return false;
}
