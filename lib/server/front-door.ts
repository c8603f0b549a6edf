/**
 * What every request meets first, before Next: the caller's address and a request id are
 * stamped, every log line written while handling it carries `requestId`, and the two paths that
 * must stay cheap (webhooks, metrics scrapes) are answered here without Next's router.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { stampClientAddress } from '@/lib/auth/client-address';
import { isWebhookPath } from '@/lib/ingress/webhook';
import { withLogContext } from '@/lib/logger';
import { METRICS_PATH, serveMetrics } from '@/lib/metrics/endpoint';
import { serveWebhook } from './node-webhook';
import { stampRequestId } from './request-id';

export interface FrontDoorOptions { trustProxy: boolean; metricsToken: string | undefined }

export function frontDoor(options: FrontDoorOptions, next: (req: IncomingMessage, res: ServerResponse) => unknown): RequestListener {
  return (req, res) => {
    stampClientAddress(req, options.trustProxy); // sign-in throttling, the setup page and /api/metrics read it
    const requestId = stampRequestId(req, res);
    withLogContext({ requestId }, () => {
      const url = req.url ?? '/';
      if (isWebhookPath(url)) return void serveWebhook(req, res);
      if (url === METRICS_PATH || url.startsWith(`${METRICS_PATH}?`)) return void serveMetrics(req, res, options.metricsToken);
      void next(req, res);
    });
  };
}
