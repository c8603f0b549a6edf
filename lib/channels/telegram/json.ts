/** Integer id fields of Bot API objects (Update, Message, Chat, User, ResponseParameters). */
const ID_KEYS = new Set(['update_id', 'message_id', 'id', 'migrate_to_chat_id', 'migrate_from_chat_id', 'user_id']);

/**
 * JSON.parse that keeps integer ids as their exact source digits (via the reviver's source text,
 * Node ≥ 21). Telegram chat ids fit a double today (≤ 52 bits), but ids are opaque: they become
 * strings exactly once, here, and are never re-formatted by a number on the way.
 */
export function parseTelegramJson(text: string): unknown {
  return JSON.parse(text, (key, value: unknown, context?: { source?: string }) =>
    ID_KEYS.has(key) && typeof value === 'number' && context?.source && /^-?\d+$/.test(context.source) ? context.source : value,
  );
}
