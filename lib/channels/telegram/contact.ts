import type { ContactProfile } from '../types';
import type { WireChat, WireUser } from './schemas';

const fullName = (p: { first_name?: string; last_name?: string } | undefined) =>
  [p?.first_name, p?.last_name].filter(Boolean).join(' ') || undefined;

/**
 * The conversation partner is the *chat*, not the sender: in private chats chat.id equals the
 * user's id, but groups have negative ids and supergroups -100…, and replies must go to chat.id
 * (PROTOCOLS.md 5, edge case 3). Private chats are named after the person, groups by title.
 */
export function chatContact(chat: WireChat, from?: WireUser): ContactProfile {
  const name = chat.type === 'private' ? (fullName(from) ?? fullName(chat)) : (chat.title ?? fullName(chat));
  return { externalId: chat.id, ...(name ? { name } : {}) };
}

/** Stored on the conversation: how the chat behaves (group replies, rate limits) depends on it. */
export function chatReference(chat: WireChat): Record<string, unknown> {
  return { chatType: chat.type };
}

/** `${chat.id}:${message_id}`: message ids are unique per chat only (PROTOCOLS.md 5d). */
export function messageExternalId(chatId: string, messageId: string): string {
  return `${chatId}:${messageId}`;
}
