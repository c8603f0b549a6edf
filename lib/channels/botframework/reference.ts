import { z } from 'zod';
import type { Activity } from './activity';

/**
 * The conversation reference (botbuilder's ConversationReference, trimmed): everything a later
 * send needs that only an inbound activity tells us. The app stores it per conversation
 * (InboundMessageEvent.reference) and hands it back as SendContext.reference.
 */
export interface BotReference {
  /** Where this conversation's Connector lives: differs by region and channel, and can change. */
  serviceUrl: string;
  channelId: string;
  conversationId: string;
  conversationType?: string;
  /** The bot's id in this channel (`28:<appId>` in Teams): the `from` of our replies. */
  botId?: string;
  botName?: string;
  /** The customer's channel id (`29:…` in Teams): the `recipient` of our replies. */
  userId: string;
  userName?: string;
  tenantId?: string;
  /** The customer's latest message: replies thread under it (Teams channels). */
  activityId?: string;
}

/** Reads a stored reference back; anything not shaped like one is treated as missing. */
export const referenceSchema = z.looseObject({
  serviceUrl: z.url({ protocol: /^https?$/ }),
  channelId: z.string().min(1),
  conversationId: z.string().min(1),
  conversationType: z.string().optional(),
  botId: z.string().min(1).optional(),
  botName: z.string().optional(),
  userId: z.string().min(1).optional(),
  userName: z.string().optional(),
  tenantId: z.string().optional(),
  activityId: z.string().min(1).optional(),
});
export type StoredReference = z.infer<typeof referenceSchema>;

export function referenceOf(activity: Activity, options: { replyTo: boolean }): BotReference {
  const tenantId = activity.conversation.tenantId ?? activity.channelData?.tenant?.id ?? undefined;
  const ref: BotReference = {
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    conversationId: activity.conversation.id,
    userId: activity.from.id,
  };
  if (activity.recipient?.id) ref.botId = activity.recipient.id;
  if (activity.conversation.conversationType) ref.conversationType = activity.conversation.conversationType;
  if (activity.recipient?.name) ref.botName = activity.recipient.name;
  if (activity.from.name) ref.userName = activity.from.name;
  if (tenantId) ref.tenantId = tenantId;
  if (options.replyTo && activity.id) ref.activityId = activity.id;
  return ref;
}
