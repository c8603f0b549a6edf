'use client';
import { useChannelName } from '@/components/hooks/useChannelName';
import { Badge } from '@/components/ui/Badge';
import { Button } from '@/components/ui/Button';
import { ChannelIcon } from '@/components/ui/ChannelIcon';
import { AlertIcon } from '@/components/ui/icons';
import { errorMessage } from '@/lib/client/api';
import type { Conversation } from '@/lib/client/types';
import { AssigneeControl } from './AssigneeControl';
import { contactLabel } from './labels';
import { StatusBadge } from './StatusBadge';
import type { ConversationActions } from './useConversationActions';
import { WindowBadge } from './WindowBadge';

/** Replies are refused (422 `unreachable`) once the customer blocked or unfollowed the channel. */
function UnreachableBadge() {
  return (
    <span title="The customer blocked or unfollowed this channel: replies are refused, private notes still work.">
      <Badge tone="red" data-testid="unreachable-badge">
        <AlertIcon size={12} />
        Unreachable — blocked or unfollowed
      </Badge>
    </span>
  );
}

export function ConversationHeader({ conversation: c, actions }: { conversation: Conversation; actions: ConversationActions }) {
  const channelName = useChannelName(c.channel);
  const resolved = c.status === 'resolved';
  const statusChanging = actions.pendingPatch?.status !== undefined;

  return (
    <header data-testid="conversation-header" className="flex flex-col gap-2 border-b border-gray-200 bg-white px-4 py-2.5">
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0">
          <div className="flex min-w-0 items-center gap-2">
            <h2 className="truncate text-base font-semibold text-gray-900" data-testid="contact-name">
              {contactLabel(c)}
            </h2>
            {c.contact.unreachable ? <UnreachableBadge /> : null}
          </div>
          <p className="flex min-w-0 items-center gap-1.5 text-xs text-gray-500">
            <ChannelIcon channel={c.channel} label={channelName} size={13} decorative />
            <span className="whitespace-nowrap" data-testid="conversation-channel">{channelName}</span>
            <span aria-hidden="true">·</span>
            <span className="truncate">{c.inboxName}</span>
            <span aria-hidden="true">·</span>
            <span className="truncate font-mono" data-testid="contact-external-id" title="Customer id on this channel">
              {c.contact.externalId}
            </span>
          </p>
        </div>
        <div className="flex shrink-0 items-center gap-2">
          {c.status === 'open' ? (
            <Button size="sm" variant="ghost" onClick={() => actions.setStatus('pending')} disabled={statusChanging} data-testid="pending-button">
              Mark pending
            </Button>
          ) : null}
          <Button
            size="sm"
            variant={resolved ? 'secondary' : 'primary'}
            onClick={actions.toggleResolved}
            loading={statusChanging}
            data-testid="resolve-button"
            data-action={resolved ? 'reopen' : 'resolve'}
            title={resolved ? 'Reopen (e)' : 'Resolve (e)'}
          >
            {resolved ? 'Reopen' : 'Resolve'}
          </Button>
        </div>
      </div>
      <div className="flex items-center gap-3">
        <StatusBadge status={c.status} />
        <div className="flex min-w-0 flex-1 items-center gap-3">
          <WindowBadge window={c.window} />
        </div>
        <div className="shrink-0">
          <AssigneeControl conversation={c} actions={actions} />
        </div>
      </div>
      {actions.error ? (
        <p role="alert" className="flex items-center gap-2 text-xs text-red-700" data-testid="conversation-action-error">
          Could not update the conversation: {errorMessage(actions.error)}
          <button type="button" className="underline" onClick={actions.clearError}>
            Dismiss
          </button>
        </p>
      ) : null}
    </header>
  );
}
