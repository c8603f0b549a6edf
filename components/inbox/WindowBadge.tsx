'use client';
import { durationWords } from '@/components/format/time';
import { useNow } from '@/components/hooks/useNow';
import { Badge } from '@/components/ui/Badge';
import { ClockIcon, LockIcon } from '@/components/ui/icons';
import type { ReplyWindow } from '@/lib/client/types';
import { windowNow } from './replyWindow';

const SOON_MS = 60 * 60 * 1000;

/** "Reply window open · closes in 3 h", or closed with the channel's note on what is still possible. */
export function WindowBadge({ window }: { window: ReplyWindow }) {
  const state = windowNow(window, useNow());
  const note = state.note ?? undefined;

  if (!state.open) {
    return (
      <span className="inline-flex min-w-0 items-center gap-2" data-testid="window-badge" data-open="false" title={note}>
        <Badge tone="red">
          <LockIcon size={12} />
          Reply window closed
        </Badge>
        {note ? <span className="truncate text-xs text-gray-600">{note}</span> : null}
      </span>
    );
  }
  const soon = state.closesInMs !== null && state.closesInMs < SOON_MS;
  return (
    <span data-testid="window-badge" data-open="true" title={note}>
      <Badge tone={soon ? 'amber' : 'green'}>
        <ClockIcon size={12} />
        Reply window open
        {state.closesInMs !== null ? ` · closes in ${durationWords(state.closesInMs)}` : ''}
      </Badge>
    </span>
  );
}
