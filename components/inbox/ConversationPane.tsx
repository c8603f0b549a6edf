'use client';
import { useConversations } from '@/lib/client/queries';
import { ConversationList } from './ConversationList';
import { FilterBar } from './FilterBar';
import { useInboxFilters } from './useInboxFilters';

/** Left pane: filters from the URL, then the matching conversations. */
export function ConversationPane({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const { filters } = useInboxFilters();
  const query = useConversations(filters);
  return (
    <>
      <FilterBar refreshing={query.isFetching && !query.isPending} onShowShortcuts={onShowShortcuts} />
      <ConversationList query={query} />
    </>
  );
}
