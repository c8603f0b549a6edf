'use client';
import {
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
  type InfiniteData,
  type QueryClient,
} from '@tanstack/react-query';
import { api, withQuery } from '../api';
import type { ConversationFilters } from '../filters';
import { keys } from '../keys';
import { usePollWhileOffline } from '../socket';
import { dedupeById } from '../messageCache';
import type { Conversation, ConversationStatus, Page } from '../types';

const PAGE_SIZE = 50;

// Module-level so React Query can memoise the flattened list between renders.
const flattenPages = (data: InfiniteData<Page<Conversation>>) => dedupeById(data.pages.flatMap((p) => p.items));

export function useConversations(filters: ConversationFilters) {
  const refetchInterval = usePollWhileOffline();
  return useInfiniteQuery({
    refetchInterval,
    queryKey: keys.conversationList(filters),
    queryFn: ({ pageParam, signal }) =>
      api<Page<Conversation>>(
        'GET',
        withQuery('/api/v1/conversations', {
          status: filters.status,
          assignee: filters.assignee,
          inboxId: filters.inboxId,
          limit: PAGE_SIZE,
          cursor: pageParam,
        }),
        undefined,
        signal,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    select: flattenPages,
  });
}

/** The conversation as last seen in any loaded list: lets the thread header render instantly. */
function findInLists(qc: QueryClient, id: string): Conversation | undefined {
  const lists = qc.getQueriesData<InfiniteData<Page<Conversation>>>({ queryKey: keys.conversationLists });
  for (const [, data] of lists) {
    for (const page of data?.pages ?? []) {
      const hit = page.items.find((c) => c.id === id);
      if (hit) return hit;
    }
  }
  return undefined;
}

export function useConversation(id: string) {
  const qc = useQueryClient();
  return useQuery<Conversation>({
    queryKey: keys.conversation(id),
    queryFn: ({ signal }) => api<Conversation>('GET', `/api/v1/conversations/${encodeURIComponent(id)}`, undefined, signal),
    placeholderData: () => findInLists(qc, id),
  });
}

export interface ConversationPatch {
  status?: ConversationStatus;
  assigneeId?: string | null;
}

interface UpdateVars {
  id: string;
  patch: ConversationPatch;
  /** Name to show at once when assigning (the server answer replaces it). */
  assigneeName?: string;
}

export function useUpdateConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, patch }: UpdateVars) =>
      api<Conversation>('PATCH', `/api/v1/conversations/${encodeURIComponent(id)}`, patch),
    onMutate: async ({ id, patch, assigneeName }) => {
      const key = keys.conversation(id);
      await qc.cancelQueries({ queryKey: key });
      const previous = qc.getQueryData<Conversation>(key);
      if (previous) {
        const next: Conversation = { ...previous, ...(patch.status ? { status: patch.status } : {}) };
        if (patch.assigneeId !== undefined) {
          next.assigneeId = patch.assigneeId;
          next.assignee = patch.assigneeId ? { id: patch.assigneeId, name: assigneeName ?? '…' } : null;
        }
        qc.setQueryData(key, next);
      }
      return { previous };
    },
    onError: (_err, { id }, context) => {
      if (context?.previous) qc.setQueryData(keys.conversation(id), context.previous);
    },
    onSuccess: (conversation) => {
      qc.setQueryData(keys.conversation(conversation.id), conversation);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: keys.conversationLists }),
  });
}
