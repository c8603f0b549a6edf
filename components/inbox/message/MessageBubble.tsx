'use client';
import { memo } from 'react';
import { formatClock, formatFull } from '@/components/format/time';
import { Button } from '@/components/ui/Button';
import { cn } from '@/components/ui/cn';
import { LockIcon, TemplateIcon } from '@/components/ui/icons';
import { isTempId } from '@/lib/client/messageCache';
import type { Message } from '@/lib/client/types';
import { MessageBody } from './MessageBody';
import { MessageMeta } from './MessageMeta';

interface Props {
  message: Message;
  contactName: string;
  onRetry: (messageId: string) => void;
  retrying: boolean;
}

/** Something that happened rather than something said (the customer blocked the channel…): a centred line. */
function SystemLine({ message: m }: { message: Message }) {
  return (
    <div data-testid="message" data-message-id={m.id} data-kind="system" className="flex justify-center py-1">
      <p className="max-w-[85%] rounded bg-gray-100 px-2 py-0.5 text-center text-xs whitespace-pre-wrap text-gray-600">
        <span className="sr-only">Event: </span>
        {m.text}
        <time dateTime={m.timestamp} title={formatFull(m.timestamp)} className="ml-1.5 text-gray-400">
          {formatClock(m.timestamp)}
        </time>
      </p>
    </div>
  );
}

/** One message: inbound left, outbound right, private notes highlighted, delivery state under replies. */
export const MessageBubble = memo(function MessageBubble({ message: m, contactName, onRetry, retrying }: Props) {
  if (m.kind === 'system') return <SystemLine message={m} />;

  const note = m.private || m.kind === 'note';
  const outbound = m.direction === 'outbound' || note;
  const showStatus = outbound && !note && m.status !== null && m.status !== 'received';
  const sender = note ? `Private note${m.author ? ` by ${m.author.name}` : ''}` : outbound ? (m.author?.name ?? 'You') : contactName;

  return (
    <div
      data-testid="message"
      data-message-id={m.id}
      data-direction={m.direction}
      data-kind={m.kind}
      data-private={note || undefined}
      data-edited={m.editedAt ? true : undefined}
      className={cn('flex flex-col gap-1', outbound ? 'items-end' : 'items-start')}
    >
      <div
        className={cn(
          'max-w-[75%] rounded-lg border px-3 py-2 text-gray-900',
          note
            ? 'border-amber-300 bg-amber-50'
            : outbound
              ? m.status === 'failed'
                ? 'border-red-300 bg-indigo-50'
                : 'border-indigo-100 bg-indigo-50'
              : 'border-gray-200 bg-white',
        )}
      >
        {note ? (
          <p className="mb-1 flex items-center gap-1 text-xs font-medium text-amber-800">
            <LockIcon size={12} />
            Private note
          </p>
        ) : (
          <span className="sr-only">{sender}: </span>
        )}
        {m.kind === 'template' ? (
          <p className="mb-1 flex items-center gap-1 text-xs font-medium text-indigo-800" data-testid="template-label">
            <TemplateIcon size={12} />
            Template
          </p>
        ) : null}
        <MessageBody message={m} />
      </div>
      <MessageMeta message={m} outbound={outbound} showStatus={showStatus} />
      {m.status === 'failed' && !note ? (
        <div className="flex max-w-[75%] items-center gap-2 px-1 text-xs text-red-700">
          <span data-testid="message-error">{m.error?.message ?? 'The message could not be delivered.'}</span>
          {!isTempId(m.id) ? (
            <Button size="sm" variant="danger" loading={retrying} onClick={() => onRetry(m.id)} data-testid="retry-message-button">
              Retry
            </Button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
});
