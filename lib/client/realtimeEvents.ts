/** Server → browser Socket.IO events, checked before they touch the cache. */
import { z } from 'zod';

const statusSchema = z.enum(['received', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed']);

export const conversationEvent = z.object({
  conversationId: z.string(),
  inboxId: z.string().optional(),
  status: z.string().optional(),
  assigneeId: z.string().nullable().optional(),
});

export const messageCreatedEvent = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  direction: z.enum(['inbound', 'outbound']).optional(),
  status: statusSchema.nullable().optional(),
});

export const messageUpdatedEvent = z.object({
  messageId: z.string(),
  conversationId: z.string(),
  status: statusSchema.nullable(),
  error: z.object({ code: z.string().nullable(), message: z.string() }).nullable().optional(),
});

export type MessageUpdatedEvent = z.infer<typeof messageUpdatedEvent>;
