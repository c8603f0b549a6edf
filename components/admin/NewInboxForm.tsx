'use client';
import { useState } from 'react';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorState } from '@/components/ui/ErrorState';
import { Panel } from '@/components/ui/Panel';
import { Spinner } from '@/components/ui/Spinner';
import { useChannels } from '@/lib/client/queries';
import type { CreatedInbox } from '@/lib/client/types';
import { ChannelPicker } from './ChannelPicker';
import { InboxFieldsForm } from './InboxFieldsForm';

/** Step 1 of connecting a channel: pick it, then fill in the fields it declares. */
export function NewInboxForm({ onCreated, onCancel }: { onCreated: (inbox: CreatedInbox) => void; onCancel: () => void }) {
  const channels = useChannels();
  const [picked, setPicked] = useState<string | null>(null);

  let body;
  if (channels.isPending) body = <Spinner label="Loading channels…" className="p-4" />;
  else if (channels.isError) body = <ErrorState title="Could not load channels" error={channels.error} onRetry={() => channels.refetch()} retrying={channels.isRefetching} />;
  else if (channels.data.length === 0) body = <EmptyState title="No channels available" description="This server has no channel connectors enabled." />;
  else {
    const channel = channels.data.find((c) => c.key === picked) ?? channels.data[0];
    body = (
      <div className="flex flex-col gap-5 p-4">
        <ChannelPicker channels={channels.data} value={channel.key} onChange={setPicked} />
        {/* Keyed: switching channel starts a clean form for that channel's fields. */}
        <InboxFieldsForm key={channel.key} channel={channel} onCreated={onCreated} onCancel={onCancel} />
      </div>
    );
  }
  return (
    <Panel title="Add inbox" className="max-w-2xl">
      {body}
    </Panel>
  );
}
