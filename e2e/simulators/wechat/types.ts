/** The simulator's records. Times are epoch ms of the simulator clock; ids are strings. */

export type EncryptionMode = 'plain' | 'compatible' | 'safe';

/** An Official Account with its server configuration (开发 → 基本配置). */
export interface Account {
  appId: string;
  appSecret: string;
  /** The original id (gh_…): ToUserName of pushes, FromUserName of passive replies. */
  ghId: string;
  name: string;
  token: string;
  encodingAesKey?: string;
  mode: EncryptionMode;
  webhookUrl?: string;
  /** Caller IPs allowed to fetch tokens; absent = any (40164 otherwise). */
  ipWhitelist?: string[];
  /** Result of the last URL verification; null when there was no webhook URL. */
  verified: boolean | null;
}

export interface Follower {
  appId: string;
  openId: string;
  name: string;
  subscribed: boolean;
  /** Last qualifying interaction (message, click, scan, subscribe): opens the 48 h window. */
  lastInteractionAt: number | null;
  /** Customer-service messages since then (45047 at the cap). */
  sentSinceInteraction: number;
}

/** What a follower did, and the push that carried it to the app. */
export interface InboundRecord {
  seq: number;
  appId: string;
  openId: string;
  msgType: string;
  event?: string;
  /** Messages only: events have none. */
  msgId?: string;
  createTime: number;
  time: number;
  text?: string;
  summary: string;
  pushId: string;
}

export interface SentRecord {
  seq: number;
  appId: string;
  openId: string;
  via: 'custom_send' | 'passive_reply';
  msgtype: string;
  text?: string;
  mediaId?: string;
  /** The request body as parsed (JSON for custom/send, fields for a passive reply). */
  body: unknown;
  time: number;
}

export interface PushAttempt {
  attempt: number;
  /** Real time the attempt started (epoch ms). */
  at: number;
  ms: number;
  /** HTTP status, or null when no complete answer came (timeout, network error). */
  status: number | null;
  error?: string;
  /** The app's answer (first 1000 characters). */
  reply?: string;
  verdict: 'ok' | 'abnormal_reply' | 'timeout' | 'network_error';
  /** Why the answer was abnormal. */
  problem?: string;
  /** The exact query string and body sent. */
  query: string;
  body: string;
}

export type PushOutcome = 'pending' | 'ok' | 'abnormal_reply' | 'unavailable';

export interface PushRecord {
  pushId: string;
  appId: string;
  openId: string;
  msgType: string;
  event?: string;
  msgId?: string;
  createTime: number;
  /** The message XML before signing/encryption (identical in every attempt). */
  xml: string;
  attempts: PushAttempt[];
  outcome: PushOutcome;
  /** What the follower's WeChat shows when the push failed. */
  userSees?: string;
}

export interface TokenRecord {
  token: string;
  appId: string;
  issuedAt: number;
  expiresAt: number;
  /** When a newer token was fetched: this one then works for tokenOverlapMs more. */
  supersededAt?: number;
  callerIp: string;
}

export interface MediaRecord {
  mediaId: string;
  appId: string;
  type: string;
  filename: string;
  contentType: string;
  bytes: Buffer;
  createdAt: number;
}

export type ApiEndpoint = 'token' | 'send' | 'upload' | 'media_get' | 'any';

/** Forced API failure for an account's next call(s). */
export interface ForcedError {
  endpoint: ApiEndpoint;
  errcode: number;
  errmsg?: string;
  delayMs?: number;
  times: number;
}
