/** Random identifiers shaped like Teams'. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { ConversationType } from './types';

let lastMessageId = 0;

/** Teams message ids are the epoch-ms arrival time; kept strictly increasing so they stay unique. */
export function newMessageId(): string {
  lastMessageId = Math.max(Date.now(), lastMessageId + 1);
  return String(lastMessageId);
}

/** Non-message activities (conversationUpdate, events) carry `f:<guid>` ids. */
export const newEventId = () => `f:${randomUUID()}`;

export const newUserId = () => `29:1${randomBytes(36).toString('base64url')}`;

export const newAadObjectId = () => randomUUID();

/**
 * personal: `a:1…`; channel thread: `19:…@thread.tacv2;messageid=<root id>` (the `;` and `:`
 * must be URL-encoded in Connector paths); group chat: `19:…@thread.v2`.
 */
export function newConversationId(type: ConversationType): string {
  const token = randomBytes(16).toString('hex');
  if (type === 'personal') return `a:1${randomBytes(40).toString('base64url')}`;
  if (type === 'channel') return `19:${token}@thread.tacv2;messageid=${newMessageId()}`;
  return `19:${token}@thread.v2`;
}
