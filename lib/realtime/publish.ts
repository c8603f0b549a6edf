/**
 * Publishes realtime events through Postgres NOTIFY in the wire format of
 * @socket.io/postgres-adapter, so every web process's sockets receive what any process published.
 * (The published @socket.io/postgres-emitter 0.1.1 predates the adapter 0.5 message format: its
 * messages carry no namespace and the adapter drops them. This is the same NOTIFY, with `nsp`.)
 * Call only after the transaction that made the change has committed.
 */
import { pool } from '@/lib/db';
import { logger } from '@/lib/logger';
import { inboxRoom, roleRoom, userRoom, type PendingEvent, type RealtimeEventName, type RealtimeEvents } from './events';

const CHANNEL = 'socket.io#/';
const EMITTER_UID = 'emitter'; // the uid socket.io's cluster adapter reserves for emitters
const MESSAGE = { BROADCAST: 3, SOCKETS_JOIN: 4, DISCONNECT_SOCKETS: 6 } as const;
const PACKET_EVENT = 2;

const encode = (message: object) => JSON.stringify({ uid: EMITTER_UID, nsp: '/', ...message });

function notify(message: object): void {
  pool()
    .query('SELECT pg_notify($1, $2)', [CHANNEL, encode(message)])
    // Realtime is best effort: clients refetch on reconnect; the data is already committed.
    .catch((err: unknown) => logger.warn({ err }, 'realtime publish failed'));
}

const broadcast = (name: RealtimeEventName, payload: { inboxId: string }) => ({
  type: MESSAGE.BROADCAST,
  data: { packet: { type: PACKET_EVENT, data: [name, payload], nsp: '/' }, opts: { rooms: [inboxRoom(payload.inboxId)], except: [], flags: {} } },
});

export function publish<N extends RealtimeEventName>(name: N, payload: RealtimeEvents[N]): void {
  notify(broadcast(name, payload));
}

export function publishAll(events: PendingEvent[]): void {
  for (const e of events) publish(e.name, e.payload as never);
}

/**
 * Queues the events inside the caller's transaction: Postgres delivers a NOTIFY only when the
 * transaction commits, so "publish after commit" holds without another round trip per event.
 */
export async function publishInTransaction(client: { query(sql: string, values: unknown[]): Promise<unknown> }, events: PendingEvent[]): Promise<void> {
  if (events.length === 0) return;
  const calls = events.map((_, i) => `pg_notify($1, $${i + 2})`).join(', ');
  await client.query(`SELECT ${calls}`, [CHANNEL, ...events.map((e) => encode(broadcast(e.name, e.payload)))]);
}

/** A new inbox without members is visible to everyone: put connected sockets in its room. */
export function shareNewInbox(inboxId: string): void {
  notify({ type: MESSAGE.SOCKETS_JOIN, data: { opts: { rooms: ['admin', 'manager', 'agent'].map(roleRoom), except: [] }, rooms: [inboxRoom(inboxId)] } });
}

/** Ends a user's live sockets on every web process (after their sessions were revoked). */
export function disconnectUser(userId: string): void {
  notify({ type: MESSAGE.DISCONNECT_SOCKETS, data: { opts: { rooms: [userRoom(userId)], except: [] }, close: true } });
}
