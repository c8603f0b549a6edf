/**
 * Socket.IO on the web process's own HTTP server (same origin, default path). The Postgres
 * adapter fans events out across every web process; sockets authenticate with the session
 * cookie or `auth: { token }` (an API token) and join the rooms of the inboxes they may see.
 */
import type { IncomingHttpHeaders, Server as HttpServer } from 'node:http';
import { createAdapter } from '@socket.io/postgres-adapter';
import { Server } from 'socket.io';
import { actorForToken } from '@/lib/domain/tokens';
import { isSameOrigin } from '@/lib/api/origin';
import { actorFromSessionCookie } from '@/lib/auth/actor';
import type { Actor } from '@/lib/domain/actor';
import { visibleInboxIds } from '@/lib/domain/access';
import { db, pool } from '@/lib/db';
import { runtimeEnv } from '@/lib/env';
import { logger } from '@/lib/logger';
import { metrics } from '@/lib/metrics/metrics';
import { adapterPool } from './adapter-pool';
import { inboxRoom, roleRoom, userRoom } from './events';

const ATTACHMENTS_TABLE = `CREATE TABLE IF NOT EXISTS socket_io_attachments (id bigserial UNIQUE, created_at timestamptz DEFAULT NOW(), payload bytea)`;

const headerGetter = (headers: IncomingHttpHeaders) => ({ get: (name: string) => [headers[name]].flat()[0] ?? null });

export async function attachRealtime(server: HttpServer): Promise<Server> {
  await pool().query(ATTACHMENTS_TABLE); // the adapter's overflow table for large payloads
  const io = new Server(server, { adapter: createAdapter(adapterPool(pool())), serveClient: false });
  io.use(async (socket, next) => {
    try {
      const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
      // A cookie handshake from another site's page would be cross-site WebSocket hijacking.
      if (typeof token !== 'string' && !isSameOrigin(headerGetter(socket.handshake.headers), runtimeEnv().PUBLIC_URL)) return next(new Error('bad_origin'));
      const actor = typeof token === 'string' ? await actorForToken(token) : await actorFromSessionCookie(socket.handshake.headers.cookie);
      if (!actor) return next(new Error('unauthorized'));
      socket.data.actor = actor;
      next();
    } catch (err) {
      logger.warn({ err }, 'socket auth failed');
      next(new Error('unauthorized'));
    }
  });
  io.on('connection', async (socket) => {
    metrics().socketConnections.inc();
    socket.once('disconnect', () => metrics().socketConnections.dec());
    const actor = socket.data.actor as Actor;
    const visible = (await visibleInboxIds(actor)) ?? (await db().inbox.findMany({ select: { id: true } })).map((i) => i.id);
    await socket.join([userRoom(actor.id), roleRoom(actor.role), ...visible.map(inboxRoom)]);
    socket.emit('ready', { userId: actor.id, inboxes: visible.length });
  });
  return io;
}
