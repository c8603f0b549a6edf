/** Worker process: pg-boss handlers for inbound processing and outbound delivery, plus a heartbeat. */
import { runtimeEnv } from '@/lib/env';
import { boss, stopBoss } from '@/lib/jobs/boss';
import { logger } from '@/lib/logger';
import { runProcess } from '@/lib/server/lifecycle';
import { startHeartbeat } from './heartbeat';
import { startWorking } from './registry';

runProcess('worker', async () => {
  const env = runtimeEnv();
  const b = await boss({ listen: true });
  const stopDispatcher = await startWorking(b, env.WORKER_CONCURRENCY);
  const stopHeartbeat = startHeartbeat();
  logger.info({ concurrency: env.WORKER_CONCURRENCY }, 'worker ready');
  return async () => {
    await stopHeartbeat();
    await stopDispatcher();
    await stopBoss(); // waits for active jobs to finish (graceful)
  };
});
