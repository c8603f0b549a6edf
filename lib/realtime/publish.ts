/**
 * Publishes realtime events through Postgres NOTIFY (socket.io postgres emitter), so any web
 * process's sockets receive what any process published. Call only after the transaction that
 * made the change has committed.
 */
import { Emitter } from '@socket.io/postgres-emitter';
import { pool } from '@/lib/db';
import { logger } from '@/lib/logger';
import { inboxRoom, roleRoom, type PendingEvent, type RealtimeEventName, type RealtimeEvents } from './events';

let emitter: Emitter | undefined;
function getEmitter(): Emitter {
  emitter ??= new Emitter(pool());
  return emitter;
}

export function publish<N extends RealtimeEventName>(name: N, payload: RealtimeEvents[N]): void {
  try {
    getEmitter().to(inboxRoom(payload.inboxId)).emit(name, payload);
  } catch (err) {
    // Realtime is best effort: clients refetch on reconnect; the data is already committed.
    logger.warn({ err, name }, 'realtime publish failed');
  }
}

export function publishAll(events: PendingEvent[]): void {
  for (const e of events) publish(e.name, e.payload as never);
}

/** A new inbox without members is visible to everyone: put connected sockets in its room. */
export function shareNewInbox(inboxId: string): void {
  for (const role of ['admin', 'manager', 'agent']) getEmitter().in(roleRoom(role)).socketsJoin(inboxRoom(inboxId));
}
