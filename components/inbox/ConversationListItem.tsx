'use client';
import Link from 'next/link';
import { memo } from 'react';
import { relativeShort, formatFull } from '@/components/format/time';
import { ChannelIcon } from '@/components/ui/ChannelIcon';
import { cn } from '@/components/ui/cn';
import type { Conversation } from '@/lib/client/types';
import { contactLabel, STATUS_LABEL } from './labels';

interface Props {
  conversation: Conversation;
  href: string;
  active: boolean;
  selected: boolean;
  showStatus: boolean;
  now: number;
}

/** One row: who, where, the last message on one line, when, and who has it. */
export const ConversationListItem = memo(function ConversationListItem({ conversation: c, href, active, selected, showStatus, now }: Props) {
  // "Unread-ish": the customer spoke last and the conversation is not closed.
  const awaitingReply = c.lastMessage?.direction === 'inbound' && c.status !== 'resolved';
  const preview = c.lastMessage ? (c.lastMessage.text?.trim() || 'Attachment') : 'No messages yet';

  return (
    <li>
      <Link
        href={href}
        scroll={false}
        data-testid="conversation-item"
        data-conversation-id={c.id}
        data-status={c.status}
        data-selected={selected || undefined}
        data-awaiting-reply={awaitingReply || undefined}
        aria-current={active ? 'page' : undefined}
        className={cn(
          'relative flex flex-col gap-0.5 border-b border-gray-100 py-2.5 pr-3 pl-5 outline-none',
          active ? 'bg-indigo-50' : 'hover:bg-gray-50',
          selected && 'ring-2 ring-indigo-400 ring-inset',
          'focus-visible:ring-2 focus-visible:ring-indigo-600',
        )}
      >
        {awaitingReply ? <span aria-hidden="true" className="absolute top-4 left-2 h-1.5 w-1.5 rounded-full bg-indigo-600" /> : null}
        <span className="flex items-center gap-1.5">
          <ChannelIcon channel={c.channel} size={14} />
          <span className={cn('min-w-0 flex-1 truncate', awaitingReply ? 'font-semibold text-gray-900' : 'font-medium text-gray-800')}>
            {contactLabel(c)}
          </span>
          <time dateTime={c.lastActivityAt} title={formatFull(c.lastActivityAt)} className="shrink-0 text-xs text-gray-500">
            {relativeShort(c.lastActivityAt, now)}
          </time>
        </span>
        <span className={cn('truncate', awaitingReply ? 'text-gray-800' : 'text-gray-500')} data-testid="conversation-preview">
          {c.lastMessage?.direction === 'outbound' ? <span className="text-gray-400">You: </span> : null}
          {preview}
        </span>
        <span className="flex items-center gap-1.5 text-xs text-gray-500">
          <span className="truncate">{c.inboxName}</span>
          <span aria-hidden="true">·</span>
          <span className="truncate" data-testid="conversation-assignee">{c.assignee?.name ?? 'Unassigned'}</span>
          {showStatus ? <span className="ml-auto shrink-0 rounded bg-gray-100 px-1 text-gray-600">{STATUS_LABEL[c.status]}</span> : null}
        </span>
        {awaitingReply ? <span className="sr-only">Awaiting reply</span> : null}
      </Link>
    </li>
  );
});
