'use client';
import { usePathname, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { filtersToSearch, parseFilters, type ConversationFilters } from '@/lib/client/filters';

/** The inbox filters from the URL, plus hrefs that change them or open a conversation keeping them. */
export function useInboxFilters() {
  const params = useSearchParams();
  const pathname = usePathname();
  const filters = useMemo(() => parseFilters(params), [params]);
  const search = filtersToSearch(filters);

  return {
    filters,
    search,
    hrefWith: (patch: Partial<ConversationFilters>) => `${pathname}${filtersToSearch({ ...filters, ...patch })}`,
    conversationHref: (id: string) => `/inbox/${encodeURIComponent(id)}${search}`,
    inboxHref: `/inbox${search}`,
  };
}
