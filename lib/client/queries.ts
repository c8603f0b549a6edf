/** React Query hooks for every API resource; components get their data only through these. */
export { useConversations, useConversation, useUpdateConversation } from './queries/conversations';
export type { ConversationPatch } from './queries/conversations';
export { useMessages, useSendMessage, useRetryMessage } from './queries/messages';
export type { SendVars } from './queries/messages';
export { useTemplates } from './queries/templates';
export {
  useChannels,
  useInboxes,
  useCreateInbox,
  useTestInbox,
  useRegisterWebhook,
  useFailedInboundEvents,
  useRetryInboundEvent,
  useUsers,
  useCreateUser,
} from './queries/admin';
export type { NewInbox, NewUser } from './queries/admin';
export { useMe, useTokens, useCreateToken, useRevokeToken, useCreateFirstAdmin } from './queries/account';
export type { FirstAdmin } from './queries/account';
