/** switchboard_socket_connections follows sockets opening and closing (real Socket.IO server and client). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { until } from '@/lib/testing/app-harness';
import { useTestDatabase } from '@/lib/testing/database';
import { makeUser } from '@/lib/testing/fixtures';

let server: Server;
let ioServer: Awaited<ReturnType<typeof import('@/lib/realtime/server').attachRealtime>>;
let url: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  await useTestDatabase();
  const { attachRealtime } = await import('@/lib/realtime/server');
  server = createServer();
  ioServer = await attachRealtime(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await ioServer?.close();
  server?.close();
  await (await import('@/lib/db')).closeDb();
});

it('counts open socket connections', async () => {
  const { createToken } = await import('@/lib/domain/tokens');
  const { metrics } = await import('./metrics');
  const gauge = async () => (await metrics().socketConnections.get()).values[0]?.value ?? 0;
  const token = (await createToken(await makeUser('agent'), { name: 'test' })).token;
  const open = () => new Promise<Socket>((resolve, reject) => {
    const socket = connect(url, { auth: { token }, transports: ['websocket'], reconnection: false });
    sockets.push(socket);
    socket.once('ready', () => resolve(socket)).once('connect_error', reject);
  });
  const refused = connect(url, { auth: { token: 'not-a-token' }, transports: ['websocket'], reconnection: false });
  sockets.push(refused);
  await new Promise((r) => refused.once('connect_error', r)); // refused at the handshake: never counted

  const [a] = await Promise.all([open(), open()]);
  expect(await gauge()).toBe(2);
  a.close();
  await until(async () => (await gauge()) === 1);
});
