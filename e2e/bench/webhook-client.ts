/** Sends single signed webhooks over a keep-alive agent (the paced phases; autocannon does the flood). */
import http from 'node:http';
import type { SignedBody } from './signed-bodies';

export class WebhookClient {
  private readonly agent: http.Agent;
  private readonly target: URL;

  constructor(origin: string, webhookPath: string, maxSockets = 32) {
    this.target = new URL(webhookPath, origin);
    this.agent = new http.Agent({ keepAlive: true, maxSockets });
  }

  /** Resolves with the HTTP status (0 for a network error or a 10 s timeout). */
  post(signed: SignedBody): Promise<number> {
    return new Promise((resolve) => {
      const req = http.request(
        this.target,
        {
          method: 'POST',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': signed.body.length, 'x-hub-signature-256': signed.signature },
          timeout: 10_000,
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(0));
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', () => resolve(0));
      req.end(signed.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}
