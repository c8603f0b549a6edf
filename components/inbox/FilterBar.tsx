'use client';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { cn } from '@/components/ui/cn';
import { KeyboardIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/Spinner';
import { ASSIGNEE_FILTERS, STATUS_FILTERS } from '@/lib/client/filters';
import { useInboxes } from '@/lib/client/queries';
import { ASSIGNEE_FILTER_LABEL, STATUS_FILTER_LABEL } from './labels';
import { useInboxFilters } from './useInboxFilters';

function FilterLink({ href, active, testId, children }: { href: string; active: boolean; testId: string; children: string }) {
  return (
    <Link
      href={href}
      replace
      scroll={false}
      data-testid={testId}
      aria-current={active ? 'true' : undefined}
      className={cn(
        'rounded px-2 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-indigo-600',
        active ? 'bg-white text-gray-900 shadow-sm ring-1 ring-gray-200' : 'text-gray-600 hover:text-gray-900',
      )}
    >
      {children}
    </Link>
  );
}

/** Status and assignee filters (kept in the URL), plus an inbox picker when there is more than one. */
export function FilterBar({ refreshing, onShowShortcuts }: { refreshing: boolean; onShowShortcuts: () => void }) {
  const { filters, hrefWith } = useInboxFilters();
  const router = useRouter();
  const inboxes = useInboxes();

  return (
    <div className="flex flex-col gap-2 border-b border-gray-200 px-3 py-2.5">
      <div className="flex items-center justify-between gap-2">
        <h1 className="font-semibold text-gray-900">Inbox</h1>
        <div className="flex items-center gap-1 text-gray-400">
          {refreshing ? <Spinner size={12} /> : null}
          <button type="button" onClick={onShowShortcuts} className="rounded p-1 hover:bg-gray-100 hover:text-gray-700" aria-label="Keyboard shortcuts (?)" title="Keyboard shortcuts (?)">
            <KeyboardIcon />
          </button>
        </div>
      </div>
      <nav aria-label="Status filter" className="flex gap-0.5 rounded-md bg-gray-100 p-0.5">
        {STATUS_FILTERS.map((s) => (
          <FilterLink key={s} href={hrefWith({ status: s })} active={filters.status === s} testId={`status-filter-${s}`}>
            {STATUS_FILTER_LABEL[s]}
          </FilterLink>
        ))}
      </nav>
      <div className="flex items-center gap-2">
        <nav aria-label="Assignee filter" className="flex gap-0.5 rounded-md bg-gray-100 p-0.5">
          {ASSIGNEE_FILTERS.map((a) => (
            <FilterLink key={a} href={hrefWith({ assignee: a })} active={filters.assignee === a} testId={`assignee-filter-${a}`}>
              {ASSIGNEE_FILTER_LABEL[a]}
            </FilterLink>
          ))}
        </nav>
        {inboxes.data && inboxes.data.length > 1 ? (
          <select
            aria-label="Inbox"
            data-testid="inbox-filter"
            value={filters.inboxId ?? ''}
            onChange={(e) => router.replace(hrefWith({ inboxId: e.target.value || null }), { scroll: false })}
            className="ml-auto h-7 min-w-0 flex-1 rounded-md border border-gray-300 bg-white px-1.5 text-xs"
          >
            <option value="">All inboxes</option>
            {inboxes.data.map((i) => (
              <option key={i.id} value={i.id}>
                {i.name}
              </option>
            ))}
          </select>
        ) : null}
      </div>
    </div>
  );
}
