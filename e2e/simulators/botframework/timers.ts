/** Waiting helpers; hangs are abortable so reset() and close() never wait 15 s. */
import type { SimulatorContext } from './context';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function abortableSleep(ctx: SimulatorContext, ms: number): Promise<void> {
  const controller = new AbortController();
  ctx.aborts.add(controller);
  return new Promise<void>((resolve, reject) => {
    const timer = setTimeout(done, ms);
    function done() {
      ctx.aborts.delete(controller);
      resolve();
    }
    controller.signal.addEventListener('abort', () => {
      clearTimeout(timer);
      ctx.aborts.delete(controller);
      reject(new Error('simulator reset'));
    });
  });
}

/** Polls probe until it returns a truthy value, or rejects after timeoutMs. */
export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() >= deadline) throw new Error(`waitFor: ${what} not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}
