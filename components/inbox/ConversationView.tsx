'use client';
import { useRef } from 'react';
import { useHotkeys } from '@/components/hooks/useHotkeys';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorState } from '@/components/ui/ErrorState';
import { isApiError } from '@/lib/client/api';
import { useConversation } from '@/lib/client/queries';
import { ConversationHeader } from './ConversationHeader';
import { contactLabel } from './labels';
import { ReplyBox } from './ReplyBox';
import { Thread } from './Thread';
import { ThreadSkeleton } from './ThreadSkeleton';
import { useConversationActions } from './useConversationActions';

/** Right pane: header, thread and reply box for one conversation, with r / e / a shortcuts. */
export function ConversationView({ conversationId }: { conversationId: string }) {
  const conversation = useConversation(conversationId);
  const actions = useConversationActions(conversation.data);
  const replyRef = useRef<HTMLTextAreaElement>(null);

  // preventDefault so the key itself is not typed into the box it focuses; ignore auto-repeat so
  // holding "e" does not flip the status back and forth.
  useHotkeys(
    {
      r: (e) => {
        e.preventDefault();
        replyRef.current?.focus();
      },
      e: (e) => {
        e.preventDefault();
        if (!e.repeat) actions.toggleResolved();
      },
      a: (e) => {
        e.preventDefault();
        if (!e.repeat) actions.assignToMe();
      },
    },
    Boolean(conversation.data),
  );

  if (conversation.isPending) {
    return (
      <div className="flex h-full flex-col" aria-busy="true">
        <div className="h-[97px] shrink-0 border-b border-gray-200 bg-white" />
        <ThreadSkeleton />
      </div>
    );
  }
  if (conversation.isError && !conversation.data) {
    if (isApiError(conversation.error) && (conversation.error.status === 404 || conversation.error.status === 403)) {
      return (
        <EmptyState
          className="h-full"
          title="Conversation not found"
          description="It may have been deleted, or you may not have access to its inbox."
        />
      );
    }
    return <ErrorState className="h-full" title="Could not load this conversation" error={conversation.error} onRetry={() => conversation.refetch()} retrying={conversation.isRefetching} />;
  }

  const c = conversation.data;
  return (
    <div className="flex h-full min-h-0 flex-col" data-testid="conversation-view" data-conversation-id={c.id}>
      <ConversationHeader conversation={c} actions={actions} />
      <Thread conversationId={c.id} contactName={contactLabel(c)} />
      <ReplyBox conversation={c} ref={replyRef} />
    </div>
  );
}
