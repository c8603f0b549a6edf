/** Builders for Telegram's JSON objects (User, Chat, Message), exactly as the Bot API shows them. */
import type { Bot, Chat, SimUser } from './types';

export const nowSeconds = () => Math.floor(Date.now() / 1000);

export function userJson(user: SimUser): Record<string, unknown> {
  return {
    id: user.id, is_bot: false, first_name: user.firstName,
    ...(user.lastName ? { last_name: user.lastName } : {}),
    ...(user.username ? { username: user.username } : {}),
    ...(user.languageCode ? { language_code: user.languageCode } : {}),
  };
}

export function botUserJson(bot: Bot): Record<string, unknown> {
  return { id: bot.id, is_bot: true, first_name: bot.firstName, username: bot.username };
}

export function chatJson(chat: Chat, users: Map<number, SimUser>): Record<string, unknown> {
  if (chat.type === 'private') {
    const user = users.get(chat.userId!)!;
    return {
      id: chat.id, first_name: user.firstName,
      ...(user.lastName ? { last_name: user.lastName } : {}),
      ...(user.username ? { username: user.username } : {}),
      type: 'private',
    };
  }
  return { id: chat.id, title: chat.title ?? 'Group', type: chat.type, ...(chat.type === 'group' ? { all_members_are_administrators: true } : {}) };
}

/** The bot's membership as ChatMemberUpdated shows it. */
export function botMemberJson(bot: Bot, status: 'member' | 'kicked' | 'left'): Record<string, unknown> {
  return { user: botUserJson(bot), status, ...(status === 'kicked' ? { until_date: 0 } : {}) };
}
