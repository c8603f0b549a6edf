/**
 * Starts the real product exactly as `npm start` does (the launcher lib/server/start.ts, which
 * starts the embedded Postgres, migrates, builds if stale and supervises web + worker), on free
 * ports with a throw-away DATA_DIR, and stops it with SIGTERM like an operator would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { embeddedUrlFor } from '@/lib/server/database';
import { assertLoopback } from './loopback';
import { freePorts } from './ports';
import { childrenOf } from './processes';
import { SETTINGS } from './settings';
import { sleep } from './stats';

export interface Stack {
  url: string;
  databaseUrl: string;
  embedded: boolean;
  dataDir: string;
  launcherPid: number;
  /** Environment for CLI commands that must reach the same database and secrets. */
  env: NodeJS.ProcessEnv;
  logs: StackLogs;
  /** Why the launcher is gone when the bench did not stop it (null while it runs). */
  exitedUnexpectedly(): string | null;
  stop(): Promise<void>;
}

/** Keeps the tail of the stack's output (shown when something fails) and counts trouble signs. */
export class StackLogs {
  private tail: string[] = [];
  errors = 0;
  restarts = 0;

  constructor(private readonly echo: (line: string) => void) {}

  add(line: string): void {
    if (!line.trim()) return;
    this.tail.push(line);
    if (this.tail.length > 300) this.tail.splice(0, this.tail.length - 200);
    // pino JSON lines: level 50 = error, 60 = fatal.
    const level = /"level":(\d+)/.exec(line);
    if (level && Number(level[1]) >= 50) this.errors += 1;
    if (/\] (web|worker) exited \(/.test(line)) this.restarts += 1;
    // The launcher's own progress lines are few and useful while a build runs.
    if (line.startsWith('[switchboard]') || process.env.BENCH_VERBOSE) this.echo(line);
  }

  last(n = 40): string {
    return this.tail.slice(-n).join('\n');
  }
}

/**
 * The launcher refuses to build while another `next build` runs in the same checkout (a developer's
 * `npm start` after an edit): wait and try again, a bounded number of times.
 */
export async function startStackWithRetry(root: string, log: (m: string) => void, track?: StopTracker, attempts = 3): Promise<Stack> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startStack(root, log, track);
    } catch (err) {
      const busy = /Another next build process is already running/.test((err as Error).message);
      if (!busy || attempt >= attempts) throw err;
      log(`another \`next build\` is running in this checkout; retrying in 30 s (attempt ${attempt + 1}/${attempts})`);
      await sleep(30_000);
    }
  }
}

/** Told how to stop the stack as soon as its launcher is spawned (a Ctrl-C during start-up must stop it too). */
export type StopTracker = (stop: () => Promise<void>) => void;

export async function startStack(root: string, log: (m: string) => void, track?: StopTracker): Promise<Stack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'switchboard-bench-'));
  const [port, pgPort] = await freePorts(2);
  const external = process.env.BENCH_DATABASE_URL;
  if (external) assertLoopback(external.replace(/^postgres(ql)?:/, 'http:'), 'BENCH_DATABASE_URL');
  const url = assertLoopback(`http://127.0.0.1:${port}`, 'the stack');

  // A developer's own settings must not leak in: the bench owns its database and secrets.
  const { DATABASE_URL: _db, APP_SECRET: _secret, NODE_ENV: _mode, ...inherited } = process.env;
  // (Next's types declare NODE_ENV as always present; the launcher sets it for its children.)
  const env = {
    ...inherited,
    PORT: String(port),
    HOST: '127.0.0.1', // nothing of the bench stack is reachable from outside the machine
    DATA_DIR: dataDir,
    EMBEDDED_PG_PORT: String(pgPort),
    PUBLIC_URL: url,
    LOG_LEVEL: 'warn',
    ALLOW_INSECURE_PROVIDER_URLS: 'true', // the bench's fake providers run on 127.0.0.1 over http
  } as Record<string, string | undefined> as NodeJS.ProcessEnv;
  if (external) env.DATABASE_URL = external;

  const logs = new StackLogs((line) => log(`  ${line}`));
  // detached: the launcher leads its own process group (web, worker, postgres), so a last-resort
  // kill can reach exactly the processes this bench started, and nothing else.
  const launcher: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'lib/server/start.ts')], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  for (const stream of [launcher.stdout, launcher.stderr]) {
    let buffered = '';
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) logs.add(line);
    });
  }
  let exited: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  let stopping = false;
  const exitPromise = new Promise<void>((resolve) =>
    launcher.once('exit', (code, signal) => {
      exited = { code, signal };
      resolve();
    }),
  );
  const pid = launcher.pid;
  if (pid === undefined) throw new Error('could not spawn the launcher');

  const stopOnce = async () => {
    stopping = true;
    // Remember web, worker and postgres now: if the launcher went away without them, stop them below.
    const children = await childrenOf(pid);
    if (!exited) {
      launcher.kill('SIGTERM');
      await Promise.race([exitPromise, sleep(SETTINGS.stack.stopTimeoutMs)]);
      if (!exited) {
        log(`the launcher did not stop within ${SETTINGS.stack.stopTimeoutMs / 1000} s: killing its process group`);
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          /* already gone */
        }
        await Promise.race([exitPromise, sleep(5_000)]);
      }
    }
    await stopLeftovers(children, dataDir, log);
    await stopOrphanPostgres(dataDir);
    await rm(dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  };

  // Idempotent: the cleanup list and a failed start-up may both ask.
  let stopped: Promise<void> | undefined;
  const stop = () => (stopped ??= stopOnce());
  track?.(stop);
  try {
    await waitForHealth(url, () => exited, logs);
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    url,
    databaseUrl: external ?? (await embeddedUrlFor(dataDir, pgPort)),
    embedded: !external,
    dataDir,
    launcherPid: pid,
    env,
    logs,
    exitedUnexpectedly: () => {
      const gone = exited as { code: number | null; signal: NodeJS.Signals | null } | null;
      if (stopping || !gone) return null;
      // The launcher logs "SIGTERM: stopping…" when a signal reached it: someone outside the bench sent it.
      const signalled = /\[switchboard\] (SIG\w+): stopping/.exec(logs.last(300));
      return signalled
        ? `the stack was stopped from outside the bench (its launcher received ${signalled[1]}, e.g. a pkill by name)`
        : `the stack's launcher exited on its own (${gone.signal ?? `code ${gone.code}`}):\n${logs.last(20)}`;
    },
    stop,
  };
}

/** /api/health answers 200 once the database works and a worker has checked in. */
async function waitForHealth(url: string, exited: () => unknown, logs: StackLogs): Promise<void> {
  const deadline = Date.now() + SETTINGS.stack.healthTimeoutMs;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`the launcher exited during start-up:\n${logs.last()}`);
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
      await res.arrayBuffer();
      if (res.status === 200) return;
    } catch {
      /* not listening yet */
    }
    await sleep(500);
  }
  throw new Error(`no healthy stack after ${SETTINGS.stack.healthTimeoutMs / 1000} s:\n${logs.last()}`);
}

function signal(pid: number, sig: NodeJS.Signals): void {
  try {
    process.kill(pid, sig);
  } catch {
    /* it exited meanwhile */
  }
}

/** Children still alive after the launcher is gone, and (by their environment) certainly this bench's. */
async function stopLeftovers(pids: number[], dataDir: string, log: (m: string) => void): Promise<void> {
  const ours = async (pid: number) => (await readFile(`/proc/${pid}/environ`, 'utf8').catch(() => '')).split('\0').includes(`DATA_DIR=${dataDir}`);
  for (const pid of pids) {
    if (!(await ours(pid))) continue;
    log(`process ${pid} outlived the launcher: stopping it`);
    signal(pid, 'SIGTERM');
    for (let i = 0; i < 50 && (await ours(pid)); i++) await sleep(100);
    if (await ours(pid)) signal(pid, 'SIGKILL');
  }
}

/** If the launcher had to be killed, its embedded Postgres may still run: stop it via its pid file. */
async function stopOrphanPostgres(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0]);
  if (!pid) return;
  // Only a postmaster of THIS data folder: a stale pid file could name an unrelated process.
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (!cmdline.includes('postgres') || !cmdline.includes(dataDir)) return;
  try {
    process.kill(pid, 'SIGINT'); // "fast shutdown"
  } catch {
    return; // not running
  }
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await sleep(100);
  }
}
