/** A user's live sockets close as soon as their access is revoked (through Postgres NOTIFY, any web process). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/fixtures';

let server: Server;
let ioServer: Awaited<ReturnType<typeof import('./server').attachRealtime>>;
let url: string;
let db: typeof import('@/lib/db');
const sockets: Socket[] = [];

beforeAll(async () => {
  process.env.LOG_LEVEL = 'silent';
  await useTestDatabase();
  db = await import('@/lib/db');
  const { attachRealtime } = await import('./server');
  server = createServer();
  ioServer = await attachRealtime(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  await ioServer?.close();
  server?.close();
  await db?.closeDb();
});

function open(token: string): Promise<Socket> {
  const socket = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

describe('revoked users lose their sockets', () => {
  it('disconnects the disabled user and nobody else', async () => {
    const { createToken } = await import('@/lib/domain/tokens');
    const { updateUser } = await import('@/lib/domain/update-user');
    const admin = await makeUser('admin');
    const agent = await makeUser('agent');
    const adminSocket = await open((await createToken(admin, { name: 'a' })).token);
    const agentSocket = await open((await createToken(agent, { name: 'b' })).token);
    const closed = new Promise<string>((resolve) => agentSocket.once('disconnect', (reason) => resolve(reason)));
    await updateUser(admin, agent.id, { disabled: true });
    const reason = await Promise.race([closed, new Promise<string>((r) => setTimeout(() => r('still connected after 5 s'), 5000))]);
    expect(reason).toBe('io server disconnect');
    expect(adminSocket.connected).toBe(true);
  }, 60_000);
});
