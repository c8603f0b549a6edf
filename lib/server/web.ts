/**
 * Web process: one HTTP server hosting Next.js (pages + /api), the Socket.IO server and the
 * fast paths for webhook ingress and /api/metrics (lib/server/front-door.ts), which skip Next's
 * request pipeline (~1 ms CPU per request).
 */
import { createServer } from 'node:http';
import next from 'next';
import { runtimeEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { attachRealtime } from '@/lib/realtime/server';
import { frontDoor } from './front-door';
import { runProcess } from './lifecycle';

runProcess('web', async () => {
  const env = runtimeEnv();
  const dev = process.argv.includes('--dev');
  const app = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer(frontDoor({ trustProxy: env.TRUST_PROXY, metricsToken: env.METRICS_TOKEN }, handle));
  server.keepAliveTimeout = 65_000;
  const io = await attachRealtime(server);
  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve));
  logger.info({ url: `http://localhost:${env.PORT}`, publicUrl: env.PUBLIC_URL }, 'web ready');
  return async () => {
    await io.close(); // also closes the HTTP server and releases the adapter's LISTEN connection
    await app.close?.();
  };
});
