/** Worker process: pg-boss handlers for inbound processing and outbound delivery, plus a heartbeat. */
import { runtimeEnv } from '@/lib/env';
import { boss, stopBoss } from '@/lib/jobs/boss';
import { logger } from '@/lib/logger';
import { startWorkerMetricsServer } from '@/lib/metrics/worker-server';
import { checkAppSecret } from '@/lib/server/check-app-secret';
import { runProcess } from '@/lib/server/lifecycle';
import { startHeartbeat } from './heartbeat';
import { startHousekeeping } from './housekeeping';
import { startWorking } from './registry';

runProcess('worker', async () => {
  const env = runtimeEnv();
  // Also when the worker runs on its own (not under npm start): a wrong APP_SECRET stops it here, clearly.
  await checkAppSecret(env.DATABASE_URL, env.APP_SECRET, env.DATA_DIR);
  const b = await boss({ listen: true });
  const stopDispatcher = await startWorking(b, env.WORKER_CONCURRENCY);
  const stopHeartbeat = startHeartbeat();
  const stopHousekeeping = startHousekeeping();
  const stopMetrics = env.WORKER_METRICS_PORT ? await startWorkerMetricsServer({ port: env.WORKER_METRICS_PORT, host: env.HOST, token: env.METRICS_TOKEN }) : async () => undefined;
  logger.info({ concurrency: env.WORKER_CONCURRENCY }, 'worker ready');
  return async () => {
    await stopMetrics();
    await stopHeartbeat();
    await stopHousekeeping();
    await stopDispatcher();
    await stopBoss(); // waits for active jobs to finish (graceful)
  };
});
