/** The simulator's records. Times are epoch ms; every id is a string. */

export interface Bot {
  appId: string;
  password: string;
  /** Directory (tenant) GUID for single-tenant bots, `botframework.com` for legacy multi-tenant ones. */
  tenantId: string;
  name: string;
  /** The bot's messaging endpoint (Switchboard's webhook URL); activities go nowhere without it. */
  messagingEndpoint?: string;
}

export type ConversationType = 'personal' | 'channel' | 'groupChat';

export interface SimUser {
  id: string;
  name: string;
  aadObjectId: string;
}

export interface Conversation {
  id: string;
  appId: string;
  channelId: string;
  type: ConversationType;
  user: SimUser;
  /** False once the bot was uninstalled or removed: the Connector then answers 403. */
  installed: boolean;
}

/** One activity the simulator delivered to a bot, with how the bot answered. */
export interface Delivery {
  seq: number;
  appId: string;
  conversationId: string;
  activityId: string;
  activityType: string;
  tokenVariant: string;
  /** HTTP status, or null for a network error or timeout. */
  status: number | null;
  error?: string;
  responseBody: string;
  ms: number;
  at: number;
  /** The exact bytes POSTed. */
  body: string;
}

/** What a bot posted through the fake Connector. */
export interface SentActivity {
  seq: number;
  appId: string;
  conversationId: string;
  activityId: string;
  /** From the URL (…/activities/{replyToId}) or the body. */
  replyToId?: string;
  /** The path exactly as requested (shows whether ids were URL-encoded). */
  rawPath: string;
  text?: string;
  attachments?: unknown[];
  body: Record<string, unknown>;
  time: number;
}

/** A queued Connector failure for a bot's next send(s). */
export interface FailureSpec {
  status: number;
  code?: string;
  message?: string;
  retryAfter?: string;
  /** Hang for the simulator's hangMs (15 s) before answering 504, like a Connector timeout. */
  hang?: boolean;
  times?: number;
}
