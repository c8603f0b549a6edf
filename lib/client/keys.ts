import type { ConversationFilters } from './filters';

/** React Query keys in one place, so the socket bridge invalidates exactly what the hooks cache. */
export const keys = {
  me: ['me'] as const,
  conversations: ['conversations'] as const,
  conversationLists: ['conversations', 'list'] as const,
  conversationList: (filters: ConversationFilters) => ['conversations', 'list', filters] as const,
  conversation: (id: string) => ['conversations', 'detail', id] as const,
  allMessages: ['messages'] as const,
  messages: (conversationId: string) => ['messages', conversationId] as const,
  inboxes: ['inboxes'] as const,
  failedInboundEvents: ['inbound-events', 'failed'] as const,
  templates: (inboxId: string) => ['templates', inboxId] as const,
  channels: ['channels'] as const,
  users: ['users'] as const,
  tokens: ['tokens'] as const,
  setup: ['setup'] as const,
};
