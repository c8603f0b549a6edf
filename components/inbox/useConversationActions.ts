'use client';
import { useMe, useUpdateConversation } from '@/lib/client/queries';
import type { Conversation, ConversationStatus } from '@/lib/client/types';

/** Resolve / reopen / assign for one conversation, shared by the header buttons and the shortcuts. */
export function useConversationActions(conversation: Conversation | undefined) {
  const me = useMe();
  const update = useUpdateConversation();

  const setStatus = (status: ConversationStatus) => {
    if (conversation && conversation.status !== status) update.mutate({ id: conversation.id, patch: { status } });
  };

  return {
    me: me.data,
    pending: update.isPending,
    pendingPatch: update.isPending ? update.variables?.patch : undefined,
    error: update.error,
    clearError: update.reset,
    setStatus,
    toggleResolved: () => setStatus(conversation?.status === 'resolved' ? 'open' : 'resolved'),
    assignToMe: () => {
      if (!conversation || !me.data || conversation.assigneeId === me.data.id) return;
      update.mutate({ id: conversation.id, patch: { assigneeId: me.data.id }, assigneeName: me.data.name });
    },
    unassign: () => {
      if (conversation?.assigneeId) update.mutate({ id: conversation.id, patch: { assigneeId: null } });
    },
  };
}

export type ConversationActions = ReturnType<typeof useConversationActions>;
