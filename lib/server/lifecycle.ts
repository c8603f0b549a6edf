/** The start/stop frame shared by the web and worker processes. */
import { closeDb } from '@/lib/db';
import { logger } from '@/lib/logger';

/** Runs `start`; on SIGINT/SIGTERM runs its returned stop function once, closes the database, exits. */
export function runProcess(name: string, start: () => Promise<() => Promise<void>>): void {
  start()
    .then((stop) => {
      let stopping = false;
      const shutdown = async (signal: string) => {
        if (stopping) return;
        stopping = true;
        logger.info({ signal }, `${name} stopping`);
        try {
          await stop();
          await closeDb();
        } finally {
          process.exit(0);
        }
      };
      process.on('SIGINT', () => void shutdown('SIGINT'));
      process.on('SIGTERM', () => void shutdown('SIGTERM'));
      // Started by the launcher: never outlive it (it may have died without stopping us).
      process.on('disconnect', () => void shutdown('launcher exited'));
    })
    .catch((err) => {
      logger.fatal({ err }, `${name} failed to start`);
      process.exit(1);
    });
}
