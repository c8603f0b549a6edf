/** The simulator's records. Times are epoch ms; every id is a string. */
import type { GraphErrorSpec } from './graph-errors';
import type { ReceiptSettings } from './options';

export interface Page {
  pageId: string;
  name: string;
  accessToken: string;
  appSecret: string;
  webhookUrl?: string;
  verifyToken?: string;
  tokenExpired: boolean;
  /** Per-page override of the global autoReceipts. */
  receipts: Partial<ReceiptSettings>;
  /** Result of the last "Verify and save" handshake; null when there was no webhook URL. */
  verified: boolean | null;
}

export interface Customer {
  pageId: string;
  psid: string;
  name: string;
  /** Opens the 24 h / 7 day windows; null = never wrote to this page. */
  lastInboundAt: number | null;
  blocked: boolean;
}

export interface InboundAttachment {
  type: 'image' | 'video' | 'audio' | 'file';
  url: string;
}

/** What the customer sent (one webhook event). */
export interface InboundMessage {
  seq: number;
  pageId: string;
  psid: string;
  mid: string;
  time: number;
  text?: string;
  attachments?: InboundAttachment[];
  quickReplyPayload?: string;
  postback?: { title: string; payload: string };
  replyToMid?: string;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read';

/** What the business sent: through the Send API, or by an agent in Meta's Page Inbox. */
export interface SentMessage {
  seq: number;
  pageId: string;
  psid: string;
  messageId: string;
  via: 'send_api' | 'page_inbox';
  messagingType?: string;
  tag?: string;
  metadata?: string;
  text?: string;
  attachment?: { type: string; payload: Record<string, unknown> };
  /** The request body exactly as parsed from the app's call. */
  body: unknown;
  time: number;
  status: DeliveryStatus;
}

export interface SenderActionRecord {
  pageId: string;
  psid: string;
  action: string;
  time: number;
}

export type ConversationItem =
  | ({ direction: 'in' } & InboundMessage)
  | ({ direction: 'out' } & SentMessage);

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
  /** mids (or watermark keys for receipts) of the events in the POST. */
  eventIds: string[];
  pageIds: string[];
  kinds: string[];
  duplicate: boolean;
  willRetry: boolean;
  /** The exact bytes sent, as text (ASCII, since non-ASCII is escaped). */
  body: string;
}

/** A queued failure for the next Send API call(s) of a page. Without code the call proceeds normally after delayMs. */
export interface FailureSpec extends Partial<GraphErrorSpec> {
  delayMs?: number;
  /** How many consecutive sends it applies to (default 1). */
  times?: number;
}

/** Every Send API call of a page fails until `until` (epoch ms), cycling through `responses`. */
export interface OutageSpec {
  until: number;
  responses: Omit<FailureSpec, 'times'>[];
}
