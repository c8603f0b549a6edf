/** Free loopback TCP ports, so the bench never collides with a dev server on 3000 or a Postgres on 5488. */
import { createServer } from 'node:net';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Several distinct free ports (the OS could in theory hand the same one out twice after a close). */
export async function freePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  for (let i = 0; i < count * 10 && ports.size < count; i++) ports.add(await freePort());
  if (ports.size < count) throw new Error('could not find enough free ports');
  return [...ports];
}
