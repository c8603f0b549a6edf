import type { ContactStateEvent, NormalizedEvent, ReactionEvent } from '../types';
import type { Activity } from './activity';
import { mapMessage } from './map-message';
import { referenceOf } from './reference';

export const READ_RECEIPT_EVENT = 'application/vnd.microsoft.readReceipt';

/** Teams reaction types → the emoji the agent sees; other channels' types pass through. */
const REACTION_EMOJI: Record<string, string> = { like: '👍', heart: '❤️', laugh: '😆', surprised: '😮', sad: '😢', angry: '😠' };

interface Base {
  dedupeKey: string;
  timestamp: Date;
}

/** One activity → its events (several only for a messageReaction with several reactions). */
export function mapActivity(activity: Activity, base: Base): NormalizedEvent[] {
  const contactExternalId = activity.conversation.id;
  switch (activity.type) {
    case 'message':
      return [mapMessage(activity, base)];
    case 'conversationUpdate':
      return [mapConversationUpdate(activity, base)];
    case 'installationUpdate': {
      const action = activity.action ?? '';
      // add / add-upgrade: the app is (still) installed; remove: uninstalled, sends now fail with 403.
      if (action.startsWith('add')) return [contactState(activity, base, 'subscribed')];
      if (action === 'remove') return [contactState(activity, base, 'unsubscribed')];
      return [unsupported(base, contactExternalId, `Bot Framework installationUpdate "${action}" (not handled)`)];
    }
    case 'messageReaction':
      return mapReactions(activity, base);
    case 'event':
      if (activity.name === READ_RECEIPT_EVENT) return [mapReadReceipt(activity, base)];
      return [unsupported(base, contactExternalId, `Bot Framework event "${activity.name ?? ''}" (not handled)`)];
    case 'invoke':
      return [unsupported(base, contactExternalId, `Bot Framework invoke "${activity.name ?? ''}" (answered 200 {}; card actions and task modules are not handled)`)];
    default:
      return [unsupported(base, contactExternalId, `Bot Framework "${activity.type}" activity (not handled)`)];
  }
}

/**
 * Only changes that involve the bot matter to the inbox: the bot added to a conversation makes it
 * reachable (subscribed), the bot removed makes it unreachable (unsubscribed). Other members
 * joining or leaving a group conversation are stored as unsupported.
 */
function mapConversationUpdate(activity: Activity, base: Base): NormalizedEvent {
  const botId = activity.recipient?.id;
  const involvesBot = (members: Activity['membersAdded']) => !!botId && (members ?? []).some((m) => m.id === botId);
  if (involvesBot(activity.membersRemoved)) return contactState(activity, base, 'unsubscribed');
  if (involvesBot(activity.membersAdded)) return contactState(activity, base, 'subscribed');
  const added = activity.membersAdded?.length ?? 0;
  const removed = activity.membersRemoved?.length ?? 0;
  return unsupported(base, activity.conversation.id, `Bot Framework conversationUpdate (${added} member(s) added, ${removed} removed; not the bot)`);
}

function contactState(activity: Activity, base: Base, state: ContactStateEvent['state']): ContactStateEvent {
  return {
    type: 'contact_state', ...base, state,
    contactExternalId: activity.conversation.id,
    contact: { externalId: activity.conversation.id, ...(activity.from.name ? { name: activity.from.name } : {}) },
    // Known before the first message: lets the app greet (send) as soon as the bot is installed.
    reference: { ...referenceOf(activity, { replyTo: false }) },
  };
}

function mapReactions(activity: Activity, base: Base): NormalizedEvent[] {
  const messageExternalId = activity.replyToId;
  if (!messageExternalId) return [unsupported(base, activity.conversation.id, 'Bot Framework messageReaction without replyToId')];
  const events: ReactionEvent[] = [];
  const push = (type: string, added: boolean) =>
    events.push({
      type: 'reaction', timestamp: base.timestamp, contactExternalId: activity.conversation.id, messageExternalId,
      emoji: added ? (REACTION_EMOJI[type] ?? type) : null,
      dedupeKey: `${base.dedupeKey}:${added ? 'added' : 'removed'}:${type}`,
    });
  for (const r of activity.reactionsRemoved ?? []) push(r.type, false);
  for (const r of activity.reactionsAdded ?? []) push(r.type, true);
  return events.length ? events : [unsupported(base, activity.conversation.id, 'Bot Framework messageReaction without reactions')];
}

/**
 * Teams read receipt (personal chats): the customer has read up to `lastReadMessageId`. It is
 * reported for that message id; "everything before it" is for the app to apply (ids are ordered).
 */
function mapReadReceipt(activity: Activity, base: Base): NormalizedEvent {
  const lastRead = (activity.value as { lastReadMessageId?: unknown } | undefined)?.lastReadMessageId;
  if (typeof lastRead !== 'string' || lastRead === '') return unsupported(base, activity.conversation.id, 'Teams read receipt without lastReadMessageId');
  return { type: 'status', ...base, status: 'read', contactExternalId: activity.conversation.id, messageExternalIds: [lastRead] };
}

function unsupported(base: Base, contactExternalId: string, description: string): NormalizedEvent {
  return { type: 'unsupported', ...base, contactExternalId, description };
}
