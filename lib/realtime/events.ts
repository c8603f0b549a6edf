/** Realtime event names and payloads, shared by publishers (web, worker) and the browser. */
export interface RealtimeEvents {
  'conversation.created': { conversationId: string; inboxId: string; status: string };
  'conversation.updated': { conversationId: string; inboxId: string; status: string; assigneeId: string | null };
  'message.created': { messageId: string; conversationId: string; inboxId: string; direction: string; status: string | null };
  'message.updated': { messageId: string; conversationId: string; inboxId: string; status: string | null; error: { code: string | null; message: string } | null };
  /** Inbox health changed (a webhook event became a dead letter, or one was re-driven). */
  'inbox.updated': { inboxId: string; lastError: string | null; lastErrorAt: string | null; failedEvents: number };
}

export type RealtimeEventName = keyof RealtimeEvents;
export interface PendingEvent<N extends RealtimeEventName = RealtimeEventName> { name: N; payload: RealtimeEvents[N] }

/** Every conversation event goes to the room of its inbox; sockets join the rooms they may see. */
export const inboxRoom = (inboxId: string) => `inbox:${inboxId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const roleRoom = (role: string) => `role:${role}`;
