'use client';
import { useNow } from '@/components/hooks/useNow';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorState } from '@/components/ui/ErrorState';
import { PlugIcon } from '@/components/ui/icons';
import { Panel } from '@/components/ui/Panel';
import { TableSkeleton } from '@/components/ui/TableSkeleton';
import { useInboxes } from '@/lib/client/queries';
import { InboxRow } from './InboxRow';

export function InboxList({ onAdd }: { onAdd: () => void }) {
  const inboxes = useInboxes();
  const now = useNow();

  let body;
  if (inboxes.isPending) body = <TableSkeleton label="Loading inboxes" />;
  else if (inboxes.isError) body = <ErrorState title="Could not load inboxes" error={inboxes.error} onRetry={() => inboxes.refetch()} retrying={inboxes.isRefetching} />;
  else if (inboxes.data.length === 0) {
    body = (
      <EmptyState
        icon={<PlugIcon size={24} />}
        title="No inboxes yet"
        description="Connect a channel account (a Facebook Page, a WhatsApp number, a Telegram bot…) and its conversations will appear in the inbox."
        action={<Button variant="primary" onClick={onAdd}>Add inbox</Button>}
      />
    );
  } else {
    body = (
      <table className="w-full table-fixed text-left" data-testid="inbox-list">
        <thead className="border-b border-gray-200 text-xs text-gray-500">
          <tr>
            <th scope="col" className="w-[22%] px-4 py-2 font-medium">Inbox</th>
            <th scope="col" className="w-[30%] px-4 py-2 font-medium">Webhook URL</th>
            <th scope="col" className="w-[14%] px-4 py-2 font-medium">Last event</th>
            <th scope="col" className="px-4 py-2 font-medium">Last error</th>
            <th scope="col" className="w-[20%] px-4 py-2 font-medium"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {inboxes.data.map((i) => (
            <InboxRow key={i.id} inbox={i} now={now} />
          ))}
        </tbody>
      </table>
    );
  }
  return <Panel>{body}</Panel>;
}
