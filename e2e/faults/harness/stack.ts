/**
 * The real parts of Switchboard as separate OS processes, for the fault suite: an embedded
 * PostgreSQL in a temporary folder on its own port (restartable), migrations, the web process and
 * the worker process (each startable, stoppable and SIGKILL-able by process id), plus a direct
 * database pool the tests use to count what was stored. addWeb() / addWorker() start more of each
 * on the same database (scale-out); they are described and stopped with the rest. Unlike the bench's stack (which runs the
 * `npm start` launcher and its supervisor), nothing here restarts a process on its own: when a test
 * restarts something, it says so.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrate } from '@/lib/server/migrate';
import { createAdminToken } from '../../bench/provision';
import { AppProcess } from './app-process';
import { pickPort } from './ports';
import { FaultPostgres } from './postgres';
import { statusOf, waitUntil } from './wait';

export interface FaultStackOptions {
  /** Start the worker with the web process (default true). */
  worker?: boolean;
  /** Extra environment for web and worker. */
  env?: Record<string, string>;
}

export interface ExtraWeb {
  process: AppProcess;
  /** This process's own origin (PUBLIC_URL stays the first web process's, as behind a load balancer). */
  url: string;
}

export class FaultStack {
  private stopped: Promise<void> | undefined;
  /** Processes started by addWeb() / addWorker(). */
  readonly extra: AppProcess[] = [];

  private constructor(
    readonly root: string,
    readonly dataDir: string,
    readonly url: string,
    readonly postgres: FaultPostgres,
    readonly web: AppProcess,
    readonly worker: AppProcess,
    /** The test's own connections, for assertions (not the product's). */
    readonly db: pg.Pool,
    readonly env: NodeJS.ProcessEnv,
  ) {}

  static async start(opts: FaultStackOptions = {}): Promise<FaultStack> {
    const root = process.cwd();
    const dataDir = await mkdtemp(path.join(tmpdir(), 'sb-fault-'));
    const [port, pgPort] = [await pickPort('FAULTS_PORTS'), await pickPort('FAULTS_PG_PORTS')];
    const postgres = new FaultPostgres(dataDir, pgPort);
    const url = `http://127.0.0.1:${port}`;
    // Nothing of the developer's or the test runner's settings leaks in: this stack owns its database and secrets.
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(DATABASE_URL|APP_SECRET|NODE_ENV|PORT|VITEST.*|TEST_DATABASE_URL)$/.test(k)));
    let stack: FaultStack | undefined;
    try {
      await postgres.start();
      await migrate(postgres.url);
      const env: NodeJS.ProcessEnv = {
        ...inherited,
        NODE_ENV: 'production',
        DATABASE_URL: postgres.url,
        APP_SECRET: randomBytes(32).toString('hex'),
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        AUTH_TRUST_HOST: 'true',
        NEXT_TELEMETRY_DISABLED: '1',
        // The simulators listen on plain http://127.0.0.1.
        ALLOW_INSECURE_PROVIDER_URLS: 'true',
        ...opts.env,
      };
      const db = new pg.Pool({ connectionString: postgres.url, max: 4, connectionTimeoutMillis: 5_000 });
      db.on('error', () => undefined); // idle clients die when a test restarts PostgreSQL
      stack = new FaultStack(root, dataDir, url, postgres, new AppProcess('web', root, env), new AppProcess('worker', root, env), db, env);
      stack.web.start();
      if (opts.worker !== false) stack.worker.start();
      await stack.waitForWeb();
      if (opts.worker !== false) await stack.waitForHealth(90_000);
      return stack;
    } catch (err) {
      const detail = stack?.describe() ?? postgres.logs();
      await (stack?.stop() ?? postgres.stop().then(() => rm(dataDir, { recursive: true, force: true }))).catch(() => undefined);
      throw new Error(`${(err as Error).message}\n${detail}`);
    }
  }

  /** The web process answers HTTP (health may still say 503: no worker, or no database). */
  waitForWeb(timeoutMs = 120_000): Promise<number> {
    return waitUntil('the web process to answer', async () => {
      if (!this.web.running) throw new Error(`the web process exited during start-up\n${this.web.logs()}`);
      return (await statusOf(`${this.url}/api/health`)) || false;
    }, timeoutMs, () => this.describe(), 250);
  }

  /** Another web process on the same database and its own port; resolves once it answers HTTP. */
  async addWeb(timeoutMs = 120_000): Promise<ExtraWeb> {
    const port = await pickPort('FAULTS_PORTS');
    const url = `http://127.0.0.1:${port}`;
    const web = new AppProcess('web', this.root, { ...this.env, PORT: String(port) });
    this.extra.push(web);
    web.start();
    await waitUntil(`web process ${this.extra.length + 1} to answer`, async () => {
      if (!web.running) throw new Error(`an added web process exited during start-up\n${web.logs()}`);
      return (await statusOf(`${url}/api/health`)) || false;
    }, timeoutMs, () => this.describe(), 250);
    return { process: web, url };
  }

  /** Another worker process on the same database (started, not waited for: it has no port to ask). */
  addWorker(): AppProcess {
    const worker = new AppProcess('worker', this.root, this.env);
    this.extra.push(worker);
    worker.start();
    return worker;
  }

  /** Every web and worker process of this stack, the first two included. */
  get processes(): AppProcess[] {
    return [this.web, this.worker, ...this.extra];
  }

  /** GET /api/health answers 200 (database reachable, a worker checked in); resolves with the ms it took. */
  async waitForHealth(timeoutMs: number): Promise<number> {
    const started = Date.now();
    await waitUntil('GET /api/health to answer 200', async () => (await statusOf(`${this.url}/api/health`)) === 200, timeoutMs, () => this.describe(), 250);
    return Date.now() - started;
  }

  /** The first admin's API token (POST /api/setup, then the CLI as an operator would). */
  adminToken(): Promise<string> {
    return createAdminToken(this.root, { url: this.url, env: this.env }, 'faults');
  }

  /** Output of every process, for failure messages. */
  describe(): string {
    const part = (name: string, text: string | undefined) => (text ? `--- ${name} ---\n${text}` : '');
    const crashes = (p: AppProcess) => (p.crashes.length ? `${p.name} crashed (${p.crashes.join(', ')}):\n${p.crashLogs()}` : '');
    const added = this.extra.map((p, i) => part(`added ${p.name} ${i + 1} (pid ${p.pid ?? '-'})`, p.logs(10)));
    return [
      part('web', this.web.logs(15)),
      part('worker', this.worker.logs(15)),
      ...added,
      part('crashes', this.processes.map(crashes).filter(Boolean).join('\n')),
      part('postgres', this.postgres.logs(8)),
    ].filter(Boolean).join('\n');
  }

  /** Stops everything this stack started and removes its folder; safe to call twice and after a failed start. */
  stop(): Promise<void> {
    return (this.stopped ??= (async () => {
      await Promise.all(this.processes.map((p) => p.stop()));
      await this.db.end().catch(() => undefined);
      await this.postgres.stop().catch(() => undefined);
      await rm(this.dataDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    })());
  }
}
