'use client';
import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { keys } from '../keys';
import type { ItemList, MessageTemplate } from '../types';

/** The inbox's templates; only fetched while the picker is on screen (`enabled`). */
export function useTemplates(inboxId: string, enabled = true) {
  return useQuery({
    queryKey: keys.templates(inboxId),
    queryFn: ({ signal }) =>
      api<ItemList<MessageTemplate>>('GET', `/api/v1/inboxes/${encodeURIComponent(inboxId)}/templates`, undefined, signal),
    select: (data) => data.items,
    enabled,
    // The server caches the provider's list for minutes; templates are approved over hours.
    staleTime: 5 * 60 * 1000,
  });
}
