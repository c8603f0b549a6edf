import type { AssigneeFilter, StatusFilter } from '@/lib/client/filters';
import type { Conversation, ConversationStatus } from '@/lib/client/types';

/** The customer's name, or their channel id when the provider gave no name. */
export function contactLabel(c: Pick<Conversation, 'contact'>): string {
  return c.contact.name?.trim() || c.contact.externalId;
}

export const STATUS_LABEL: Record<ConversationStatus, string> = {
  open: 'Open',
  pending: 'Pending',
  snoozed: 'Snoozed',
  resolved: 'Resolved',
};

export const STATUS_FILTER_LABEL: Record<StatusFilter, string> = {
  open: 'Open',
  pending: 'Pending',
  resolved: 'Resolved',
  all: 'All',
};

export const ASSIGNEE_FILTER_LABEL: Record<AssigneeFilter, string> = {
  me: 'Mine',
  unassigned: 'Unassigned',
  any: 'All',
};

/** Empty-list wording that matches the filters in use. */
export function emptyListText(status: StatusFilter, assignee: AssigneeFilter): { title: string; description: string } {
  const which = status === 'all' ? '' : `${STATUS_FILTER_LABEL[status].toLowerCase()} `;
  const whose = assignee === 'me' ? ' assigned to you' : assignee === 'unassigned' ? ' waiting for an assignee' : '';
  const title = `No ${which}conversations${whose}`;
  const description =
    status === 'open' || status === 'all'
      ? 'New messages appear here as they arrive.'
      : 'Try another filter to see more conversations.';
  return { title, description };
}
