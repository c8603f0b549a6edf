'use client';
import { Button } from '@/components/ui/Button';
import type { Conversation } from '@/lib/client/types';
import type { ConversationActions } from './useConversationActions';

/** Who has the conversation, with Assign to me / Unassign. */
export function AssigneeControl({ conversation, actions }: { conversation: Conversation; actions: ConversationActions }) {
  const mine = Boolean(actions.me && conversation.assigneeId === actions.me.id);
  const assigning = actions.pendingPatch?.assigneeId !== undefined;
  return (
    <div className="flex items-center gap-2">
      <span className="text-xs whitespace-nowrap text-gray-500">
        Assignee:{' '}
        <span className="font-medium text-gray-800" data-testid="assignee-name">
          {conversation.assignee ? (mine ? `${conversation.assignee.name} (you)` : conversation.assignee.name) : 'Unassigned'}
        </span>
      </span>
      {!mine ? (
        <Button size="sm" onClick={actions.assignToMe} disabled={!actions.me || assigning} data-testid="assign-me-button" title="Assign to me (a)">
          Assign to me
        </Button>
      ) : null}
      {conversation.assigneeId ? (
        <Button size="sm" variant="ghost" onClick={actions.unassign} disabled={assigning} data-testid="unassign-button">
          Unassign
        </Button>
      ) : null}
    </div>
  );
}
