/** Polling with a deadline: every wait in the fault suite is bounded. */
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves with fn's first truthy value; throws `timed out waiting for <what>` (plus detail()) after timeoutMs. */
export async function waitUntil<T>(what: string, fn: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs: number, detail?: () => string | Promise<string>, pollMs = 200): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${detail ? `\n${await detail()}` : ''}`);
    await sleep(pollMs);
  }
}

/** An HTTP status for GET url, or 0 when nothing answers within timeoutMs. */
export async function statusOf(url: string, timeoutMs = 2_000): Promise<number> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    await res.arrayBuffer();
    return res.status;
  } catch {
    return 0;
  }
}
