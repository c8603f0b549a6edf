'use client';
import { formatFull, relativeLong } from '@/components/format/time';
import { useChannelName } from '@/components/hooks/useChannelName';
import { ChannelIcon } from '@/components/ui/ChannelIcon';
import { CopyButton } from '@/components/ui/CopyButton';
import type { Inbox } from '@/lib/client/types';
import { InboxSetupToggle } from './InboxSetupToggle';
import { RegisterWebhookButton } from './RegisterWebhookButton';
import { setupEntries } from './setupValues';
import { TestConnectionButton } from './TestConnectionButton';

/** One connected channel account and its health. */
export function InboxRow({ inbox: i, now }: { inbox: Inbox; now: number }) {
  const channelName = useChannelName(i.channel);
  return (
    <tr data-testid="inbox-row" data-inbox-id={i.id} className="align-top">
      <td className="px-4 py-3">
        <div className="flex items-center gap-2">
          <ChannelIcon channel={i.channel} label={channelName} decorative />
          <span className="font-medium text-gray-900">{i.name}</span>
        </div>
        <p className="mt-0.5 pl-6 text-xs text-gray-500">{channelName}</p>
        <InboxSetupToggle entries={setupEntries(i)} />
      </td>
      <td className="max-w-0 px-4 py-3">
        <div className="flex items-center gap-1">
          <code className="min-w-0 truncate text-xs text-gray-700" title={i.webhookUrl} data-testid="inbox-webhook-url">
            {i.webhookUrl}
          </code>
          <CopyButton value={i.webhookUrl} label={`webhook URL of ${i.name}`} compact testId="inbox-webhook-url-copy" />
        </div>
      </td>
      <td className="px-4 py-3 whitespace-nowrap text-gray-600" data-testid="inbox-last-event">
        {i.lastEventAt ? <time dateTime={i.lastEventAt} title={formatFull(i.lastEventAt)}>{relativeLong(i.lastEventAt, now)}</time> : <span className="text-gray-400">No events yet</span>}
      </td>
      <td className="px-4 py-3 text-xs" data-testid="inbox-last-error">
        {i.lastError ? <span className="text-red-700">{i.lastError}</span> : <span className="text-gray-400">None</span>}
        {i.failedEvents ? (
          <p className="mt-1 font-medium text-red-700" data-testid="inbox-failed-events">
            {i.failedEvents === 1 ? '1 failed event' : `${i.failedEvents} failed events`} (see Failed events below)
          </p>
        ) : null}
      </td>
      <td className="px-4 py-3">
        <div className="flex flex-col items-start gap-1.5">
          <TestConnectionButton inboxId={i.id} size="sm" />
          <RegisterWebhookButton inboxId={i.id} size="sm" />
        </div>
      </td>
    </tr>
  );
}
