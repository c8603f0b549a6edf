'use client';
import { AlertIcon, LockIcon } from '@/components/ui/icons';
import type { WindowNow } from './replyWindow';

interface Props {
  error: string | null;
  window: WindowNow;
  unreachable: boolean;
  isNote: boolean;
  /** The channel still takes approved templates (shown below the notice). */
  templates?: boolean;
  onWriteNote: () => void;
}

/** What stands between the agent and sending: a send error, a closed reply window, an unreachable customer. */
export function ReplyNotice({ error, window, unreachable, isNote, templates, onWriteNote }: Props) {
  const reason = unreachable
    ? 'This customer blocked or unfollowed this channel, so replies to them are refused.'
    : !window.open
      ? `The reply window is closed.${window.note ? ` ${window.note}` : ''}`
      : null;
  const instead = templates && !unreachable ? 'You can send an approved template, or add a private note.' : 'You can still add a private note.';

  return (
    <div className="flex flex-col gap-1.5 empty:hidden">
      {error ? (
        <p role="alert" data-testid="reply-error" className="mb-2 flex items-start gap-2 rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-xs text-red-800">
          <AlertIcon size={14} className="mt-px shrink-0" />
          {error}
        </p>
      ) : null}
      {reason && !isNote ? (
        <p
          data-testid="window-closed-notice"
          data-reason={unreachable ? 'unreachable' : 'window'}
          className="mb-2 flex items-center gap-2 rounded-md border border-gray-200 bg-gray-50 px-3 py-1.5 text-xs text-gray-700"
        >
          <LockIcon size={14} className="shrink-0" />
          <span>
            {reason} {instead}{' '}
            <button type="button" onClick={onWriteNote} className="font-medium text-indigo-700 underline" data-testid="write-note-button">
              Write a private note
            </button>
          </span>
        </p>
      ) : null}
    </div>
  );
}
