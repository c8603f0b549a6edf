/** The simulator's records. Times are epoch ms; ids and phone numbers are strings. */
import type { StatusScenario } from './options';

/** 'cloud' = Meta Cloud API (Bearer token, signed webhooks); '360' = 360dialog (D360-API-KEY, header webhooks). */
export type Mode = 'cloud' | '360';

export interface Account {
  mode: Mode;
  phoneNumberId: string;
  wabaId: string;
  displayPhoneNumber: string;
  verifiedName: string;
  /** Cloud: the Bearer token and the app secret that signs webhooks. */
  accessToken?: string;
  appSecret?: string;
  /** 360: the per-number API key. */
  apiKey?: string;
  webhookUrl?: string;
  verifyToken?: string;
  /** 360: headers registered with the webhook URL (e.g. Authorization), sent with every webhook. */
  webhookHeaders: Record<string, string>;
  tokenExpired: boolean;
  statusScenario?: StatusScenario | 'random';
  /** Cloud: result of the last hub.challenge handshake; null without a webhook URL. */
  verified: boolean | null;
}

export interface Customer {
  phoneNumberId: string;
  /** How the business addresses them: wa_id, or the BSUID when the number is hidden. */
  address: string;
  waId?: string;
  userId?: string;
  username?: string;
  /** A username user who hides their phone number: webhooks carry only the BSUID. */
  hidePhone: boolean;
  name: string;
  lastInboundAt: number | null;
  notOnWhatsApp: boolean;
}

/** What the customer sent: one Meta message object, stored as sent on the wire. */
export interface InboundMessage {
  seq: number;
  phoneNumberId: string;
  customer: string;
  wamid: string;
  time: number;
  type: string;
  message: Record<string, unknown>;
}

export type SentStatus = 'accepted' | 'sent' | 'delivered' | 'read' | 'failed';

/** What the app sent through the messages API. */
export interface SentMessage {
  seq: number;
  phoneNumberId: string;
  to: string;
  wamid: string;
  type: string;
  /** The request body exactly as parsed. */
  body: Record<string, unknown>;
  time: number;
  /** Furthest status reached (statuses only move forward here, whatever order webhooks arrive in). */
  status: SentStatus;
  errorCode?: number;
  /** Statuses emitted as webhooks, in emission order. */
  emitted: string[];
}

export interface MediaItem {
  id: string;
  phoneNumberId: string;
  mimeType: string;
  bytes: Buffer;
  sha256: string;
}

/** A queued failure for the next send(s) of a number. */
export interface FailureSpec {
  code: number;
  httpStatus?: number;
  message?: string;
  details?: string;
  /** Accept with 200, then report the code on a failed status (like 131047 / 131026). */
  async?: boolean;
  times?: number;
}

/** One HTTP attempt to deliver a webhook. */
export interface WebhookAttempt {
  deliveryId: string;
  url: string;
  attempt: number;
  /** HTTP status, or null for a network error or timeout. */
  status: number | null;
  error?: string;
  ms: number;
  at: number;
  /** wamids of messages, `status:<wamid>:<status>` of statuses. */
  eventIds: string[];
  phoneNumberIds: string[];
  kinds: string[];
  duplicate: boolean;
  willRetry: boolean;
  /** The exact bytes sent (ASCII: non-ASCII is escaped like Meta does). */
  body: string;
  headers: Record<string, string>;
}
