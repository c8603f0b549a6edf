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

export interface Inbox {
  id: string;
  channel: string;
  name: string;
  webhookUrl: string;
  verifyToken: string | null;
  config: InboxConfig;
  createdAt: string;
  lastEventAt: string | null;
  lastError: string | null;
}

export type CreatedInbox = Pick<Inbox, 'id' | 'channel' | 'name' | 'webhookUrl' | 'verifyToken' | 'config'>;

export interface TestResult {
  ok: boolean;
  message: string;
}

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
