'use client';
import type { UseInfiniteQueryResult } from '@tanstack/react-query';
import { useParams, useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';
import { useNow } from '@/components/hooks/useNow';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorState } from '@/components/ui/ErrorState';
import { InboxIcon } from '@/components/ui/icons';
import type { Conversation } from '@/lib/client/types';
import { ConversationListItem } from './ConversationListItem';
import { ConversationListSkeleton } from './ConversationListSkeleton';
import { LoadMore } from './LoadMore';
import { emptyListText } from './labels';
import { safeDecode } from './safeDecode';
import { useInboxFilters } from './useInboxFilters';
import { useListKeyboard } from './useListKeyboard';

type Query = UseInfiniteQueryResult<Conversation[], Error>;

export function ConversationList({ query }: { query: Query }) {
  const { filters, conversationHref } = useInboxFilters();
  const params = useParams<{ conversationId?: string }>();
  const openId = params.conversationId ? safeDecode(params.conversationId) : null;
  const router = useRouter();
  const now = useNow();
  const listRef = useRef<HTMLUListElement>(null);
  const [selectedId, setSelectedId] = useState<string | null>(openId);
  const items = query.data ?? [];

  // Opening a conversation (click or URL) moves the keyboard selection with it.
  useEffect(() => setSelectedId(openId), [openId]);

  useListKeyboard({
    ids: items.map((c) => c.id),
    selectedId,
    setSelectedId,
    listRef,
    open: (id) => router.push(conversationHref(id), { scroll: false }),
    onReachEnd: () => query.hasNextPage && !query.isFetchingNextPage && void query.fetchNextPage(),
  });

  if (query.isPending) return <ConversationListSkeleton />;
  if (query.isError && items.length === 0) {
    return <ErrorState title="Could not load conversations" error={query.error} onRetry={() => query.refetch()} retrying={query.isRefetching} />;
  }
  if (items.length === 0) {
    const { title, description } = emptyListText(filters.status, filters.assignee);
    return <EmptyState icon={<InboxIcon size={24} />} title={title} description={description} />;
  }

  return (
    <div className="min-h-0 flex-1 overflow-y-auto">
      <ul ref={listRef} aria-label="Conversations" data-testid="conversation-list">
        {items.map((c) => (
          <ConversationListItem
            key={c.id}
            conversation={c}
            href={conversationHref(c.id)}
            active={c.id === openId}
            selected={c.id === selectedId && c.id !== openId}
            showStatus={filters.status === 'all'}
            now={now}
          />
        ))}
      </ul>
      <LoadMore
        hasMore={Boolean(query.hasNextPage)}
        loading={query.isFetchingNextPage}
        error={query.isFetchNextPageError ? query.error : null}
        onLoad={() => void query.fetchNextPage()}
      />
    </div>
  );
}
