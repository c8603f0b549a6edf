/**
 * Ports for the fault suite. On a shared machine FAULTS_PORTS / FAULTS_PG_PORTS (e.g. "3800-3899")
 * keep its processes inside a reserved range; otherwise any free loopback port will do.
 */
import { createServer } from 'node:net';
import { freePort } from '../../bench/ports';

function bindable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function parseRange(value: string, name: string): [number, number] {
  const match = /^(\d+)-(\d+)$/.exec(value.trim());
  if (!match || Number(match[1]) > Number(match[2])) throw new Error(`${name} must look like 3800-3899, got ${JSON.stringify(value)}`);
  return [Number(match[1]), Number(match[2])];
}

const taken = new Set<number>();

/** A port nobody listens on, from the range in `rangeVariable` when set; never the same one twice per process. */
export async function pickPort(rangeVariable: 'FAULTS_PORTS' | 'FAULTS_PG_PORTS'): Promise<number> {
  const range = process.env[rangeVariable];
  if (!range) {
    for (;;) {
      const port = await freePort();
      if (!taken.has(port)) return taken.add(port), port;
    }
  }
  const [low, high] = parseRange(range, rangeVariable);
  const size = high - low + 1;
  // Start at a random offset: parallel test files then rarely race for the same port.
  const offset = Math.floor(Math.random() * size);
  for (let i = 0; i < size; i++) {
    const port = low + ((offset + i) % size);
    if (!taken.has(port) && (await bindable(port))) return taken.add(port), port;
  }
  throw new Error(`no free port left in ${rangeVariable}=${range}`);
}
