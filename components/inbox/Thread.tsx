'use client';
import { Fragment } from 'react';
import { dayLabel } from '@/components/format/time';
import { useNow } from '@/components/hooks/useNow';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorState } from '@/components/ui/ErrorState';
import { errorMessage } from '@/lib/client/api';
import { useMessages, useRetryMessage } from '@/lib/client/queries';
import { MessageBubble } from './message/MessageBubble';
import { ThreadSkeleton } from './ThreadSkeleton';
import { useStickToBottom } from './useStickToBottom';

/** The conversation's messages, oldest first, with day separators; a polite live region for arrivals. */
export function Thread({ conversationId, contactName }: { conversationId: string; contactName: string }) {
  const messages = useMessages(conversationId);
  const retry = useRetryMessage(conversationId);
  const now = useNow();
  const { scrollRef, onScroll, unseen, scrollToBottom } = useStickToBottom(messages.data);

  if (messages.isPending) return <ThreadSkeleton />;
  if (messages.isError && !messages.data) {
    return <ErrorState className="flex-1" title="Could not load messages" error={messages.error} onRetry={() => messages.refetch()} retrying={messages.isRefetching} />;
  }

  const items = messages.data ?? [];
  let lastDay = '';
  return (
    <div className="relative flex min-h-0 flex-1 flex-col">
      {retry.isError ? (
        <p role="alert" className="border-b border-red-200 bg-red-50 px-4 py-1.5 text-xs text-red-800">
          Retry failed: {errorMessage(retry.error)}
        </p>
      ) : null}
      <div ref={scrollRef} onScroll={onScroll} className="flex min-h-0 flex-1 flex-col overflow-y-auto px-4 py-4 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-indigo-600" tabIndex={0}>
        {items.length === 0 ? (
          <EmptyState title="No messages yet" description="Messages in this conversation will appear here." />
        ) : null}
        <div role="log" aria-live="polite" aria-label="Messages" data-testid="thread" className="mt-auto flex flex-col gap-3">
          {items.map((m) => {
            const day = dayLabel(m.timestamp, now);
            const separator = day !== lastDay;
            lastDay = day;
            return (
              <Fragment key={m.id}>
                {separator ? (
                  <div className="flex items-center gap-3 py-1 text-xs text-gray-500" aria-hidden="true">
                    <span className="h-px flex-1 bg-gray-200" />
                    {day}
                    <span className="h-px flex-1 bg-gray-200" />
                  </div>
                ) : null}
                <MessageBubble
                  message={m}
                  contactName={contactName}
                  onRetry={retry.mutate}
                  retrying={retry.isPending && retry.variables === m.id}
                />
              </Fragment>
            );
          })}
        </div>
      </div>
      {unseen ? (
        <button
          type="button"
          onClick={scrollToBottom}
          data-testid="new-messages-button"
          className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full bg-indigo-600 px-3 py-1 text-xs font-medium text-white shadow hover:bg-indigo-700"
        >
          New messages ↓
        </button>
      ) : null}
    </div>
  );
}
