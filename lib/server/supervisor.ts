/**
 * Runs a child process and restarts it when it dies, with a growing delay (reset after a minute
 * of healthy running). `stop()` asks it to finish (SIGTERM) and kills it after a grace period.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Supervised { stop(): Promise<void> }

export function supervise(name: string, args: string[], env: NodeJS.ProcessEnv, log: (m: string) => void): Supervised {
  let child: ChildProcess | undefined;
  let stopping = false;
  let delay = 1000;
  let startedAt = 0;

  const start = () => {
    startedAt = Date.now();
    // The IPC channel lets the child notice when the launcher is gone (lib/server/lifecycle.ts).
    child = spawn(process.execPath, args, { env: { ...env, SB_PROCESS: name }, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
    child.on('exit', (code, signal) => {
      child = undefined;
      if (stopping) return;
      if (Date.now() - startedAt > 60_000) delay = 1000;
      log(`${name} exited (${signal ?? `code ${code}`}); restarting in ${delay / 1000}s`);
      setTimeout(() => !stopping && start(), delay);
      delay = Math.min(delay * 2, 30_000);
    });
  };
  start();

  return {
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        if (!child) return resolve();
        const c = child;
        const timer = setTimeout(() => c.kill('SIGKILL'), 15_000);
        c.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        c.kill('SIGTERM');
      }),
  };
}
