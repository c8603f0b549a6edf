'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../api';
import { keys } from '../keys';
import type { Channel, CreatedInbox, FailedInboundEventPage, Inbox, InboxConfig, ItemList, Role, TestResult, User, WebhookRegistration } from '../types';

export function useChannels() {
  return useQuery({
    queryKey: keys.channels,
    queryFn: ({ signal }) => api<ItemList<Channel>>('GET', '/api/v1/channels', undefined, signal),
    select: (data) => data.items,
    // The channel registry only changes with a deploy.
    staleTime: 60 * 60 * 1000,
  });
}

export function useInboxes() {
  return useQuery({
    queryKey: keys.inboxes,
    queryFn: ({ signal }) => api<ItemList<Inbox>>('GET', '/api/v1/inboxes', undefined, signal),
    select: (data) => data.items,
  });
}

export interface NewInbox {
  channel: string;
  name: string;
  config: InboxConfig;
}

export function useCreateInbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewInbox) => api<CreatedInbox>('POST', '/api/v1/inboxes', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.inboxes }),
  });
}

export function useTestInbox() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (inboxId: string) => api<TestResult>('POST', `/api/v1/inboxes/${encodeURIComponent(inboxId)}/test`),
    // A test may record or clear the inbox's lastError.
    onSettled: () => qc.invalidateQueries({ queryKey: keys.inboxes }),
  });
}

/** Asks the server to register the inbox's webhook URL at the provider (Telegram setWebhook, 360dialog). */
export function useRegisterWebhook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (inboxId: string) =>
      api<WebhookRegistration>('POST', `/api/v1/inboxes/${encodeURIComponent(inboxId)}/webhook`),
    onSettled: () => qc.invalidateQueries({ queryKey: keys.inboxes }),
  });
}

/** Webhook events that failed on every attempt (the newest 50), across inboxes. */
export function useFailedInboundEvents() {
  return useQuery({
    queryKey: keys.failedInboundEvents,
    queryFn: ({ signal }) => api<FailedInboundEventPage>('GET', '/api/v1/inbound-events?state=failed&limit=50', undefined, signal),
  });
}

/** Re-drives a failed webhook event: it is processed again from its stored raw body. */
export function useRetryInboundEvent() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (eventId: string) => api<{ id: string; state: 'queued' }>('POST', `/api/v1/inbound-events/${encodeURIComponent(eventId)}/retry`),
    onSettled: () => {
      qc.invalidateQueries({ queryKey: keys.failedInboundEvents });
      qc.invalidateQueries({ queryKey: keys.inboxes });
    },
  });
}

export function useUsers() {
  return useQuery({
    queryKey: keys.users,
    queryFn: ({ signal }) => api<ItemList<User>>('GET', '/api/v1/users', undefined, signal),
    select: (data) => data.items,
  });
}

export interface NewUser {
  name: string;
  email: string;
  password: string;
  role: Role;
}

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: NewUser) => api<User>('POST', '/api/v1/users', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users }),
  });
}
