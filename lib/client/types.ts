/** Shapes of the /api/v1 JSON contract as the browser sees them. */

export type Role = 'admin' | 'manager' | 'agent';
export type ConversationStatus = 'open' | 'pending' | 'snoozed' | 'resolved';
export type Direction = 'inbound' | 'outbound';
export type MessageKind = 'text' | 'attachment' | 'template' | 'note' | 'system';
export type MessageStatus = 'received' | 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed';
export type AttachmentKind = 'image' | 'video' | 'audio' | 'file' | 'sticker' | 'link';

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface ItemList<T> {
  items: T[];
}

export interface Me {
  id: string;
  email: string;
  name: string;
  role: Role;
}

export interface ReplyWindow {
  open: boolean;
  closesAt: string | null;
  note: string | null;
  /** What can still be sent once closed, e.g. ['template']. */
  allowedWhenClosed?: string[];
}

export interface Conversation {
  id: string;
  inboxId: string;
  inboxName: string;
  channel: string;
  status: ConversationStatus;
  assigneeId: string | null;
  assignee: { id: string; name: string } | null;
  /** `unreachable`: the channel reported the customer can no longer be messaged (blocked, deleted). */
  contact: { id: string; name: string | null; externalId: string; unreachable?: boolean };
  lastMessage: { text: string | null; direction: Direction; at: string } | null;
  lastActivityAt: string;
  lastInboundAt: string | null;
  window: ReplyWindow;
}

export interface Attachment {
  kind: AttachmentKind;
  url?: string;
  name?: string;
  title?: string;
  mimeType?: string;
}

export interface GeoLocation {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

/** A template as sent: the parameters fill {{1}}, {{2}}… of the approved body in order. */
export interface TemplateSend {
  name: string;
  language: string;
  parameters: string[];
}

/** An approved (or pending / rejected) message template of an inbox's provider account. */
export interface MessageTemplate {
  name: string;
  language: string;
  category?: string;
  /** Upper-case when present, e.g. APPROVED, PENDING, REJECTED. */
  status?: string;
  /** The body with {{1}}-style placeholders. */
  body?: string;
  parameterCount: number;
}

export interface Message {
  id: string;
  conversationId: string;
  direction: Direction;
  kind: MessageKind;
  text: string | null;
  attachments: Attachment[];
  location: GeoLocation | null;
  status: MessageStatus | null;
  error: { code: string | null; message: string } | null;
  private: boolean;
  /** Delivery attempts so far (outbound). */
  attempts?: number;
  author: { id: string; name: string } | null;
  timestamp: string;
  createdAt: string;
  /** Kind 'template': which template was sent, with its parameters. */
  template?: TemplateSend | null;
  /** When the customer last edited this (inbound) message. */
  editedAt?: string | null;
}

export type ChannelFieldType = 'string' | 'boolean' | 'url';

export interface ChannelField {
  name: string;
  label: string;
  description?: string;
  type: ChannelFieldType;
  required: boolean;
  secret: boolean;
  default?: string | boolean;
}

export interface Channel {
  key: string;
  displayName: string;
  capabilities: { media: boolean; templates: boolean; receipts: boolean; typing: boolean };
  fields: ChannelField[];
}

export type InboxConfig = Record<string, string | boolean>;
export type InboxSetup = Record<string, unknown>;

export interface Inbox {
  id: string;
  channel: string;
  name: string;
  webhookUrl: string;
  verifyToken: string | null;
  /**
   * Values to paste into the provider's console (verifyToken, token, encodingAesKey…). Admins only;
   * empty for everyone else. Values may be absent or not strings.
   */
  setup?: InboxSetup;
  config: InboxConfig;
  createdAt: string;
  lastEventAt: string | null;
  lastError: string | null;
  lastErrorAt?: string | null;
  /** Webhook events that failed on every attempt (dead letters). */
  failedEvents?: number;
}

/** A stored webhook event whose processing failed on every attempt (admins only). */
export interface FailedInboundEvent {
  id: string;
  inboxId: string;
  receivedAt: string;
  failedAt: string;
  error: string | null;
  attempts: number;
}

export interface FailedInboundEventPage {
  items: FailedInboundEvent[];
  nextCursor: string | null;
}

export type CreatedInbox = Pick<Inbox, 'id' | 'channel' | 'name' | 'webhookUrl' | 'verifyToken' | 'setup' | 'config'>;

export interface TestResult {
  ok: boolean;
  message: string;
}

/** POST /inboxes/:id/webhook: registered at the provider, or what to do by hand. */
export type WebhookRegistration = TestResult;

export interface User {
  id: string;
  name: string;
  email: string;
  role: Role;
}

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedToken {
  id: string;
  name: string;
  prefix: string;
  token: string;
}
