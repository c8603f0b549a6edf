/** The bench may only ever send load to this machine: every target URL goes through this check. */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function assertLoopback(url: string, what: string): string {
  const host = new URL(url).hostname;
  if (!LOOPBACK.has(host) && !/^127\.\d+\.\d+\.\d+$/.test(host)) {
    throw new Error(`${what} must be a loopback address (127.0.0.1, localhost or ::1), got ${host}`);
  }
  return url;
}
