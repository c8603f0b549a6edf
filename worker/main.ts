/** Worker process: pg-boss handlers for inbound processing and outbound delivery, plus a heartbeat. */
import { closeDb } from '@/lib/db';
import { runtimeEnv } from '@/lib/env';
import { boss, stopBoss } from '@/lib/jobs/boss';
import { logger } from '@/lib/logger';
import { startHeartbeat } from './heartbeat';
import { registerHandlers } from './registry';

async function main() {
  const env = runtimeEnv();
  const b = await boss({ listen: true });
  await registerHandlers(b, env.WORKER_CONCURRENCY);
  const stopHeartbeat = startHeartbeat();
  logger.info({ concurrency: env.WORKER_CONCURRENCY }, 'worker ready');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'worker stopping: finishing active jobs');
    await stopHeartbeat();
    await stopBoss();
    await closeDb();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  logger.fatal({ err }, 'worker failed to start');
  process.exit(1);
});
