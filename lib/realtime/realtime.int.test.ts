/**
 * Socket.IO over the Postgres adapter: authenticated sockets receive the events of the inboxes
 * they may see, published from anywhere through Postgres NOTIFY.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { io as connect, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '@/lib/testing/database';
import { makeMessengerInbox, makeUser, messengerText, metaJson, signedWebhook } from '@/lib/testing/fixtures';

let server: Server;
let ioServer: Awaited<ReturnType<typeof import('./server').attachRealtime>>;
let url: string;
let db: typeof import('@/lib/db');
let admin: Awaited<ReturnType<typeof makeUser>>;
const sockets: Socket[] = [];

beforeAll(async () => {
  await useTestDatabase();
  db = await import('@/lib/db');
  const { attachRealtime } = await import('./server');
  server = createServer();
  ioServer = await attachRealtime(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  admin = await makeUser('admin');
});

afterAll(async () => {
  for (const s of sockets) s.close();
  await ioServer?.close(); // releases the adapter's LISTEN connection
  server?.close();
  const { stopBoss } = await import('@/lib/jobs/boss');
  await stopBoss();
  await db?.closeDb();
});

async function tokenFor(user: { id: string; role: 'admin' | 'manager' | 'agent'; name: string; email: string }) {
  const { createToken } = await import('@/lib/domain/tokens');
  return (await createToken(user, { name: 'test' })).token;
}

function open(auth: Record<string, string>, extraHeaders?: Record<string, string>): Promise<Socket> {
  const socket = connect(url, { auth, extraHeaders, transports: ['websocket'], reconnection: false });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once('ready', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

function next(socket: Socket, event: string, timeoutMs = 5000): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${timeoutMs} ms`)), timeoutMs);
    socket.once(event, (payload) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });
}

async function customerWrites(inbox: { webhookUrl: string }, psid: string, mid: string) {
  const { handleWebhookRequest } = await import('@/lib/ingress/webhook');
  const { processInboundEvent } = await import('@/lib/domain/ingest');
  await handleWebhookRequest(signedWebhook(inbox.webhookUrl, metaJson(messengerText(psid, mid, 'hello'))));
  const event = await db.db().inboundEvent.findFirstOrThrow({ where: { dedupeKey: mid } });
  await processInboundEvent(event.id);
}

describe('realtime', () => {
  it('refuses sockets without a valid session or token', async () => {
    await expect(open({})).rejects.toThrow(/unauthorized/);
    await expect(open({ token: 'sbk_not-a-real-token-at-all' })).rejects.toThrow(/unauthorized/);
  });

  it('refuses a cookie handshake from another site (cross-site WebSocket hijacking), not one from the app or with a token', async () => {
    const { sessionCookieFor } = await import('@/lib/testing/session');
    const cookie = await sessionCookieFor(admin);
    await expect(open({}, { cookie, origin: 'https://evil.example' })).rejects.toThrow(/bad_origin/);
    await expect(open({}, { cookie, origin: 'null' })).rejects.toThrow(/bad_origin/);
    await expect(open({}, { cookie, 'sec-fetch-site': 'cross-site' })).rejects.toThrow(/bad_origin/);
    expect((await open({}, { cookie, origin: process.env.PUBLIC_URL! })).connected).toBe(true);
    expect((await open({}, { cookie, origin: url })).connected).toBe(true); // the host the socket was opened on
    // A token is never sent by the browser on its own: no Origin rule for it.
    expect((await open({ token: await tokenFor(admin) }, { origin: 'https://evil.example' })).connected).toBe(true);
  });

  it('delivers conversation.created and message.created of an inbox created after the socket connected', async () => {
    const socket = await open({ token: await tokenFor(admin) });
    const inbox = await makeMessengerInbox(admin);
    await new Promise((r) => setTimeout(r, 200)); // the room join travels through NOTIFY too
    const created = next(socket, 'conversation.created');
    const message = next(socket, 'message.created');
    await customerWrites(inbox, 'rt-1', 'm_rt_1');
    expect(await created).toMatchObject({ inboxId: inbox.id, status: 'open' });
    expect(await message).toMatchObject({ inboxId: inbox.id, direction: 'inbound', status: 'received' });
  });

  it('does not send an agent the events of an inbox reserved to other agents', async () => {
    const outsider = await makeUser('agent');
    const member = await makeUser('agent');
    const inbox = await makeMessengerInbox(admin);
    await db.db().inboxMember.create({ data: { inboxId: inbox.id, userId: member.id } });
    const outsiderSocket = await open({ token: await tokenFor(outsider) });
    const memberSocket = await open({ token: await tokenFor(member) });
    let leaked = false;
    outsiderSocket.on('message.created', (p: { inboxId: string }) => { if (p.inboxId === inbox.id) leaked = true; });
    const received = next(memberSocket, 'message.created');
    await customerWrites(inbox, 'rt-2', 'm_rt_2');
    expect(await received).toMatchObject({ inboxId: inbox.id });
    await new Promise((r) => setTimeout(r, 300));
    expect(leaked).toBe(false);
  });
});
