'use client';
/**
 * One shared Socket.IO connection per tab (same origin, default path, session cookie) and the
 * bridge that turns server events into React Query cache updates.
 */
import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { io, type Socket } from 'socket.io-client';
import { keys } from './keys';
import { applyStatus } from './messageCache';
import { conversationEvent, messageCreatedEvent, messageUpdatedEvent } from './realtimeEvents';
import type { Message } from './types';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

let socket: Socket | null = null;
let state: ConnectionState = 'connecting';
let connectCount = 0;
const stateListeners = new Set<() => void>();

function setState(next: ConnectionState) {
  if (state === next) return;
  state = next;
  stateListeners.forEach((fn) => fn());
}

export function getSocket(): Socket {
  if (!socket) {
    socket = io({ withCredentials: true });
    socket.on('connect', () => {
      connectCount += 1;
      setState('connected');
    });
    socket.on('disconnect', () => setState('reconnecting'));
    socket.on('connect_error', () => setState('reconnecting'));
  }
  return socket;
}

function subscribe(listener: () => void) {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

export function useConnectionState(): ConnectionState {
  return useSyncExternalStore(subscribe, () => state, () => 'connecting');
}

/** While live events are not arriving, poll instead so screens do not go stale silently. */
export function usePollWhileOffline(intervalMs = 30_000): number | false {
  return useConnectionState() === 'connected' ? false : intervalMs;
}

/** Coalesces bursts of events (a busy inbox) into one refetch per query key. */
function createInvalidator(qc: QueryClient) {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (key: QueryKey) => {
    pending.set(JSON.stringify(key), key);
    timer ??= setTimeout(() => {
      timer = null;
      const batch = [...pending.values()];
      pending.clear();
      batch.forEach((queryKey) => qc.invalidateQueries({ queryKey }));
    }, 150);
  };
}

/** Subscribes the cache to live events; mount once in the authenticated shell. */
export function useRealtime(): ConnectionState {
  const qc = useQueryClient();

  useEffect(() => {
    const s = getSocket();
    const invalidate = createInvalidator(qc);

    const onConversation = (payload: unknown) => {
      const event = conversationEvent.safeParse(payload);
      invalidate(keys.conversationLists);
      if (event.success) invalidate(keys.conversation(event.data.conversationId));
    };
    const onMessageCreated = (payload: unknown) => {
      const event = messageCreatedEvent.safeParse(payload);
      invalidate(keys.conversationLists);
      if (!event.success) return;
      invalidate(keys.messages(event.data.conversationId));
      // Inbound messages move lastInboundAt and so the reply window.
      invalidate(keys.conversation(event.data.conversationId));
    };
    const onMessageUpdated = (payload: unknown) => {
      const event = messageUpdatedEvent.safeParse(payload);
      if (!event.success) return;
      const { conversationId, messageId, status, error } = event.data;
      const key = keys.messages(conversationId);
      const cached = qc.getQueryData<Message[]>(key);
      if (!cached) return;
      // Inbound messages have no receipts: an update there is an edit, so fetch the new text.
      const inbound = cached.find((m) => m.id === messageId)?.direction === 'inbound';
      const next = status && !inbound ? applyStatus(cached, messageId, status, error ?? null) : null;
      if (next) qc.setQueryData(key, next);
      else invalidate(key);
    };
    // Inbox health changed (a webhook event failed for good, or was re-driven): admins' screens refresh.
    const onInboxUpdated = () => {
      invalidate(keys.inboxes);
      invalidate(keys.failedInboundEvents);
    };
    // Events missed while disconnected are gone: refetch what is on screen after a reconnect.
    const onConnect = () => {
      if (connectCount <= 1) return;
      invalidate(keys.conversations);
      invalidate(keys.allMessages);
    };

    s.on('conversation.created', onConversation);
    s.on('conversation.updated', onConversation);
    s.on('message.created', onMessageCreated);
    s.on('message.updated', onMessageUpdated);
    s.on('inbox.updated', onInboxUpdated);
    s.on('connect', onConnect);
    return () => {
      s.off('conversation.created', onConversation);
      s.off('conversation.updated', onConversation);
      s.off('message.created', onMessageCreated);
      s.off('message.updated', onMessageUpdated);
      s.off('inbox.updated', onInboxUpdated);
      s.off('connect', onConnect);
    };
  }, [qc]);

  return useConnectionState();
}
