/**
 * Web process: one HTTP server hosting Next.js (pages + /api), the Socket.IO server and the
 * webhook ingress fast path. Webhooks skip Next's request pipeline (~1 ms CPU per request).
 */
import { createServer } from 'node:http';
import next from 'next';
import { stampClientAddress } from '@/lib/auth/client-address';
import { runtimeEnv } from '@/lib/env';
import { isWebhookPath } from '@/lib/ingress/webhook';
import { logger } from '@/lib/logger';
import { attachRealtime } from '@/lib/realtime/server';
import { runProcess } from './lifecycle';
import { serveWebhook } from './node-webhook';

runProcess('web', async () => {
  const env = runtimeEnv();
  const dev = process.argv.includes('--dev');
  const app = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    stampClientAddress(req, env.TRUST_PROXY); // sign-in throttling and the setup page's loopback rule read it
    if (req.url && isWebhookPath(req.url)) return void serveWebhook(req, res);
    void handle(req, res);
  });
  server.keepAliveTimeout = 65_000;
  const io = await attachRealtime(server);
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  logger.info({ url: `http://localhost:${env.PORT}`, publicUrl: env.PUBLIC_URL }, 'web ready');
  return async () => {
    await io.close(); // also closes the HTTP server and releases the adapter's LISTEN connection
    await app.close?.();
  };
});
