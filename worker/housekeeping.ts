/**
 * Periodic chores of the worker: re-queue or fail replies stuck without a job, turn inbound jobs
 * that failed unrecorded into dead letters, prune old raw webhook bodies. Each runs on its own
 * timer, one round at a time; a failing round is logged and tried again next time. Several
 * workers may run them at once: all are safe to overlap.
 */
import { sweepFailedInboundJobs } from '@/lib/domain/inbound-failures';
import { pruneRawBodies } from '@/lib/domain/raw-body-retention';
import { sweepStuckReplies } from '@/lib/domain/stuck-replies';
import { runtimeEnv } from '@/lib/env';
import { logger } from '@/lib/logger';

const STUCK_SWEEP_MS = 60_000;
const PRUNE_MS = 10 * 60_000;

export function startHousekeeping(): () => Promise<void> {
  let stopped = false;
  const running = new Set<Promise<unknown>>();
  const every = (ms: number, name: string, chore: () => Promise<unknown>) => {
    let busy = false;
    const run = () => {
      if (busy || stopped) return;
      busy = true;
      const p = chore().catch((err) => logger.warn({ err }, `${name} failed`)).finally(() => {
        busy = false;
        running.delete(p);
      });
      running.add(p);
    };
    const first = setTimeout(run, Math.min(ms, 15_000));
    const timer = setInterval(run, ms);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  };
  const stops = [
    every(STUCK_SWEEP_MS, 'stuck reply sweep', sweepStuckReplies),
    every(STUCK_SWEEP_MS, 'failed inbound job sweep', sweepFailedInboundJobs),
    every(PRUNE_MS, 'raw body pruning', () => pruneRawBodies(runtimeEnv().RAW_BODY_RETENTION_DAYS, { stopped: () => stopped })),
  ];
  return async () => {
    stopped = true;
    for (const stop of stops) stop();
    await Promise.all(running);
  };
}
