/**
 * Publishes realtime events through Postgres NOTIFY in the wire format of
 * @socket.io/postgres-adapter, so every web process's sockets receive what any process published.
 * (The published @socket.io/postgres-emitter 0.1.1 predates the adapter 0.5 message format: its
 * messages carry no namespace and the adapter drops them. This is the same NOTIFY, with `nsp`.)
 * Call only after the transaction that made the change has committed.
 */
import { pool } from '@/lib/db';
import { logger } from '@/lib/logger';
import { inboxRoom, roleRoom, type PendingEvent, type RealtimeEventName, type RealtimeEvents } from './events';

const CHANNEL = 'socket.io#/';
const EMITTER_UID = 'emitter'; // the uid socket.io's cluster adapter reserves for emitters
const MESSAGE = { BROADCAST: 3, SOCKETS_JOIN: 4 } as const;
const PACKET_EVENT = 2;

function notify(message: object): void {
  pool()
    .query('SELECT pg_notify($1, $2)', [CHANNEL, JSON.stringify({ uid: EMITTER_UID, nsp: '/', ...message })])
    // Realtime is best effort: clients refetch on reconnect; the data is already committed.
    .catch((err: unknown) => logger.warn({ err }, 'realtime publish failed'));
}

export function publish<N extends RealtimeEventName>(name: N, payload: RealtimeEvents[N]): void {
  notify({
    type: MESSAGE.BROADCAST,
    data: { packet: { type: PACKET_EVENT, data: [name, payload], nsp: '/' }, opts: { rooms: [inboxRoom(payload.inboxId)], except: [], flags: {} } },
  });
}

export function publishAll(events: PendingEvent[]): void {
  for (const e of events) publish(e.name, e.payload as never);
}

/** A new inbox without members is visible to everyone: put connected sockets in its room. */
export function shareNewInbox(inboxId: string): void {
  notify({ type: MESSAGE.SOCKETS_JOIN, data: { opts: { rooms: ['admin', 'manager', 'agent'].map(roleRoom), except: [] }, rooms: [inboxRoom(inboxId)] } });
}
