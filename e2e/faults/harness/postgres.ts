/**
 * The embedded PostgreSQL of one fault test, in its own temporary folder and port, restartable:
 * stop() is a fast shutdown that ends every connection, start() brings the same data back.
 */
import { randomBytes } from 'node:crypto';
import { startEmbeddedPostgres, type EmbeddedDb } from '@/lib/server/embedded-postgres';

export class FaultPostgres {
  private handle: EmbeddedDb | undefined;
  private readonly tail: string[] = [];
  private readonly password = randomBytes(18).toString('base64url');
  url = '';

  constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {}

  async start(): Promise<void> {
    if (this.handle) return;
    // The same password on every start of this data folder (versions that generate one require it).
    const options = { dataDir: this.dataDir, port: this.port, password: this.password, log: (line: string) => this.keep(line) };
    this.handle = await startEmbeddedPostgres(options);
    this.url = this.handle.url;
  }

  async stop(): Promise<void> {
    const handle = this.handle;
    this.handle = undefined;
    await handle?.stop();
  }

  get running(): boolean {
    return this.handle !== undefined;
  }

  logs(lines = 20): string {
    return this.tail.slice(-lines).join('\n');
  }

  private keep(line: string): void {
    if (!line) return;
    this.tail.push(line);
    if (this.tail.length > 200) this.tail.splice(0, 100);
  }
}
