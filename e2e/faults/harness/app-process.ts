/**
 * One of Switchboard's own processes (web or worker) started exactly as the launcher starts it
 * (`node --import tsx <entry>`, SB_PROCESS set), with its output kept for failure messages, and
 * killable by its process id (SIGKILL, like the OOM killer or a crashed host would).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const ENTRIES = { web: 'lib/server/web.ts', worker: 'worker/main.ts' } as const;
export type ProcessName = keyof typeof ENTRIES;

/** Every child still running; killed when the test process exits, whatever the reason. */
const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export class AppProcess {
  private child: ChildProcess | undefined;
  private exit: Promise<void> = Promise.resolve();
  private readonly tail: string[] = [];
  /** Exits this harness did not ask for (a crash), as "code 1" / "SIGABRT". */
  readonly crashes: string[] = [];
  private expectingExit = false;

  constructor(
    readonly name: ProcessName,
    private readonly root: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  start(): void {
    if (this.child) throw new Error(`${this.name} is already running (pid ${this.child.pid})`);
    this.expectingExit = false;
    // The IPC channel makes the process stop by itself if this test process dies (lib/server/lifecycle.ts).
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(this.root, ENTRIES[this.name])], {
      cwd: this.root,
      env: { ...this.env, SB_PROCESS: this.name },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    this.child = child;
    running.add(child);
    for (const stream of [child.stdout, child.stderr]) {
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => this.keep(chunk));
    }
    this.exit = new Promise((resolve) =>
      child.once('exit', (code, signal) => {
        running.delete(child);
        if (this.child === child) this.child = undefined;
        this.keep(`[${this.name} exited: ${signal ?? `code ${code}`}]\n`);
        if (!this.expectingExit) this.crashes.push(signal ?? `code ${code}`);
        resolve();
      }),
    );
  }

  /** SIGKILL: no shutdown hook runs, in-flight requests are cut off. */
  async kill9(): Promise<void> {
    if (!this.child?.pid) return;
    this.expectingExit = true;
    process.kill(this.child.pid, 'SIGKILL');
    await this.exit;
  }

  /** SIGTERM (graceful), then SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.expectingExit = true;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    await this.exit;
    clearTimeout(timer);
  }

  /** The last lines of output (long JSON log lines shortened), for failure messages. */
  logs(lines = 30): string {
    return this.tail.slice(-lines).map((line) => (line.length > 400 ? `${line.slice(0, 400)}…` : line)).join('\n');
  }

  /** The output that preceded each crash (a stack trace starts well before the exit line). */
  crashLogs(before = 25): string {
    const out: string[] = [];
    this.tail.forEach((line, i) => {
      if (/^\[\w+ exited: /.test(line)) out.push(...this.tail.slice(Math.max(0, i - before), i + 1).map((l) => l.slice(0, 400)));
    });
    return out.join('\n');
  }

  private keep(chunk: string): void {
    for (const line of chunk.split('\n')) if (line.trim()) this.tail.push(line);
    if (this.tail.length > 400) this.tail.splice(0, this.tail.length - 300);
  }
}
