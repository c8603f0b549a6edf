/** The simulator's records. Ids are JSON numbers on Telegram's wire, so they are numbers here too. */

export interface SimUser {
  id: number;
  firstName: string;
  lastName?: string;
  username?: string;
  languageCode?: string;
}

export interface Webhook {
  url: string;
  secretToken?: string;
  maxConnections: number;
  setAt: number;
}

export interface PendingUpdate {
  updateId: number;
  kind: string;
  /** The exact JSON sent on every attempt. */
  body: string;
  attempts: number;
}

export interface Bot {
  id: number;
  token: string;
  username: string;
  firstName: string;
  webhook: Webhook | null;
  /** null = Telegram's default (everything except chat_member and reactions). */
  allowedUpdates: string[] | null;
  lastUpdateId: number;
  /** Undelivered updates, oldest first: the webhook queue, or what getUpdates returns. */
  pending: PendingUpdate[];
  lastErrorDate?: number;
  lastErrorMessage?: string;
}

export type ChatType = 'private' | 'group' | 'supergroup';

/** One chat as one bot sees it (message ids count per chat). */
export interface Chat {
  botId: number;
  id: number;
  type: ChatType;
  title?: string;
  /** Private chats: the user on the other side. */
  userId?: number;
  /** The user blocked the bot (private) or removed it (groups). */
  blocked: boolean;
  /** Set once a group was upgraded to a supergroup. */
  migratedTo?: number;
  lastMessageId: number;
  messages: ChatMessage[];
}

export interface ChatMessage {
  messageId: number;
  fromBot: boolean;
  userId?: number;
  /** The Message object exactly as Telegram shows it (updates and API results). */
  json: Record<string, any>;
}

/** A successful send method call of the app. */
export interface SentRecord {
  seq: number;
  botId: number;
  method: string;
  chatId: number;
  messageId: number;
  text?: string;
  caption?: string;
  parseMode?: string;
  /** The media parameter (photo, document...) and what it held: a URL or a file_id. */
  media?: { field: string; value: string };
  replyToMessageId?: number;
  /** The parameters exactly as the app sent them. */
  params: Record<string, unknown>;
  time: number;
}

export interface CallbackRecord {
  botId: number;
  id: string;
  chatId?: number;
  messageId?: number;
  userId: number;
  data: string;
  pressedAt: number;
  answer?: { text?: string; showAlert?: boolean; url?: string; at: number };
}

export interface WebhookAttempt {
  botId: number;
  updateId: number;
  kind: string;
  url: string;
  attempt: number;
  /** HTTP status, or null for a network error or timeout. */
  status: number | null;
  error?: string;
  ms: number;
  at: number;
  willRetry: boolean;
  gaveUp: boolean;
  secretTokenSent: boolean;
  body: string;
}

/** A queued failure for the bot's next call(s). */
export interface FailureSpec {
  /** Only calls of this method (default: any send method). */
  method?: string;
  errorCode?: number;
  description?: string;
  parameters?: { retry_after?: number; migrate_to_chat_id?: number };
  delayMs?: number;
  times?: number;
}
