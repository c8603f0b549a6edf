/**
 * Signed Messenger webhooks over real HTTP, the way Meta posts them, with every response recorded:
 * a mid counts as acknowledged only when its POST got a 2xx.
 */
import type { SignedBody } from '../../bench/signed-bodies';
import { WebhookClient } from '../../bench/webhook-client';
import { sleep } from './wait';

export interface PostResult {
  signed: SignedBody;
  status: number;
}

export const isAck = (r: PostResult) => r.status >= 200 && r.status < 300;

/** Posts every body with `connections` requests in flight at a time. */
export async function postAll(origin: string, webhookPath: string, bodies: SignedBody[], connections: number): Promise<PostResult[]> {
  const client = new WebhookClient(origin, webhookPath, connections);
  const results: PostResult[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (next < bodies.length) {
          const signed = bodies[next++];
          results.push({ signed, status: await client.post(signed) });
        }
      }),
    );
  } finally {
    client.close();
  }
  return results;
}

/**
 * `connections` loops, each posting a fresh body from `make()` as soon as the previous one was
 * acknowledged, until stop() is called. A body that was not acknowledged is posted again, identical,
 * after `retryMs` (as Meta retries), so the number of distinct events stays bounded while the web
 * process is down. `results` has one entry per attempt.
 */
export function startFlood(origin: string, webhookPath: string, make: () => SignedBody, connections: number, retryMs = 250) {
  const client = new WebhookClient(origin, webhookPath, connections);
  const results: PostResult[] = [];
  let running = true;
  const loops = Array.from({ length: connections }, async () => {
    while (running) {
      const signed = make();
      for (;;) {
        const status = await client.post(signed);
        results.push({ signed, status });
        if (isAck({ signed, status }) || !running) break;
        await sleep(retryMs);
      }
    }
  });
  return {
    results,
    acknowledged: () => results.filter((r) => r.status >= 200 && r.status < 300).length,
    async stop(): Promise<PostResult[]> {
      running = false;
      await Promise.all(loops);
      client.close();
      return results;
    },
  };
}
