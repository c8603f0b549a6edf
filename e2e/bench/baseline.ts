/** Runs baseline-server.ts as a child process (its own event loop, like Switchboard's web process). */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { sleep } from './stats';

export interface Baseline {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

export async function startBaseline(databaseUrl: string, appSecret: string): Promise<Baseline> {
  const table = `bench_baseline_${process.pid}`;
  const child = fork(fileURLToPath(new URL('./baseline-server.ts', import.meta.url)), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, BASELINE_DATABASE_URL: databaseUrl, BASELINE_APP_SECRET: appSecret, BASELINE_TABLE: table },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the baseline server did not start within 30 s')), 30_000);
    child.once('message', (m: { port?: number }) => {
      clearTimeout(timer);
      if (m.port) resolve(m.port);
      else reject(new Error('the baseline server sent no port'));
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the baseline server exited (${code})`));
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await Promise.race([exited, sleep(10_000)]);
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      }
      // Leave nothing behind in a database the bench does not own (BENCH_DATABASE_URL).
      const client = new pg.Client({ connectionString: databaseUrl });
      try {
        await client.connect();
        await client.query(`DROP TABLE IF EXISTS ${table}`);
      } catch (err) {
        console.error(`[bench] could not drop ${table}: ${(err as Error).message}`);
      } finally {
        await client.end().catch(() => undefined);
      }
    },
  };
}
