'use client';
import { formatFull, relativeLong } from '@/components/format/time';
import { useNow } from '@/components/hooks/useNow';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorState } from '@/components/ui/ErrorState';
import { Panel } from '@/components/ui/Panel';
import { TableSkeleton } from '@/components/ui/TableSkeleton';
import { useFailedInboundEvents, useInboxes } from '@/lib/client/queries';
import { FailedEventRow } from './FailedEventRow';

/**
 * Admin › Inboxes › Failed events: webhook events that could not be processed after every retry
 * (dead letters), with their error and a Retry button. Refreshes itself when one fails (inbox.updated).
 */
export function FailedEvents() {
  const failed = useFailedInboundEvents();
  const inboxes = useInboxes();
  const now = useNow();
  const inboxName = (id: string) => inboxes.data?.find((i) => i.id === id)?.name ?? 'Deleted inbox';

  let body;
  if (failed.isPending) body = <TableSkeleton label="Loading failed events" />;
  else if (failed.isError) body = <ErrorState title="Could not load failed events" error={failed.error} onRetry={() => failed.refetch()} retrying={failed.isRefetching} />;
  else if (failed.data.items.length === 0) {
    body = <EmptyState title="No failed events" description="Every webhook event the providers sent was processed. Events that still fail after all retries appear here." />;
  } else {
    body = (
      <table className="w-full table-fixed text-left" data-testid="failed-events">
        <thead className="border-b border-gray-200 text-xs text-gray-500">
          <tr>
            <th scope="col" className="w-[20%] px-4 py-2 font-medium">Inbox</th>
            <th scope="col" className="w-[16%] px-4 py-2 font-medium">Received</th>
            <th scope="col" className="px-4 py-2 font-medium">Error</th>
            <th scope="col" className="w-[10%] px-4 py-2 font-medium">Attempts</th>
            <th scope="col" className="w-[18%] px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {failed.data.items.map((e) => (
            <FailedEventRow key={e.id} event={e} inboxName={inboxName(e.inboxId)} received={<time dateTime={e.receivedAt} title={formatFull(e.receivedAt)}>{relativeLong(e.receivedAt, now)}</time>} />
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <Panel title="Failed events" className="mt-6" testId="failed-events-panel">
      {body}
    </Panel>
  );
}
