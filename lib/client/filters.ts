/** Inbox list filters, kept in the URL query string so a view can be shared and survives reloads. */

export const STATUS_FILTERS = ['open', 'pending', 'resolved', 'all'] as const;
export const ASSIGNEE_FILTERS = ['me', 'unassigned', 'any'] as const;

export type StatusFilter = (typeof STATUS_FILTERS)[number];
export type AssigneeFilter = (typeof ASSIGNEE_FILTERS)[number];

export interface ConversationFilters {
  status: StatusFilter;
  assignee: AssigneeFilter;
  inboxId: string | null;
}

export const DEFAULT_FILTERS: ConversationFilters = { status: 'open', assignee: 'any', inboxId: null };

interface ReadableParams {
  get(name: string): string | null;
}

function pick<T extends string>(allowed: readonly T[], value: string | null, fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

export function parseFilters(params: ReadableParams | null): ConversationFilters {
  return {
    status: pick(STATUS_FILTERS, params?.get('status') ?? null, DEFAULT_FILTERS.status),
    assignee: pick(ASSIGNEE_FILTERS, params?.get('assignee') ?? null, DEFAULT_FILTERS.assignee),
    inboxId: params?.get('inboxId') || null,
  };
}

/** Query string (with leading `?`, or empty) holding only the non-default filters. */
export function filtersToSearch(filters: ConversationFilters): string {
  const qs = new URLSearchParams();
  if (filters.status !== DEFAULT_FILTERS.status) qs.set('status', filters.status);
  if (filters.assignee !== DEFAULT_FILTERS.assignee) qs.set('assignee', filters.assignee);
  if (filters.inboxId) qs.set('inboxId', filters.inboxId);
  const s = qs.toString();
  return s ? `?${s}` : '';
}
