import type { WindowState } from '../types';

/**
 * Telegram has no reply window (PROTOCOLS.md 5f): a bot may write to anyone who started it, for
 * as long as they have not blocked it. Blocking is reported by my_chat_member, not by time.
 */
export function telegramWindow(): WindowState {
  return { open: true, closesAt: null, allowedWhenClosed: [] };
}
