/**
 * The channel connector contract (ARCHITECTURE.md, "Channel connector contract").
 *
 * Connectors are pure adapters between one provider's wire format and Switchboard's
 * channel-agnostic model. They never import the database or lib/domain; everything they
 * need arrives as arguments (decrypted config, conversation reference, a fetch function).
 */
import type { z } from 'zod';

/** What a connector can do; the UI and the domain read this instead of branching on the channel. */
export interface ChannelCapabilities {
  media: boolean;
  templates: boolean;
  receipts: boolean;
  typing: boolean;
}

/**
 * State shared by every process (stored in Postgres): provider access tokens, fetched key sets.
 * Connectors never import the database; the app lends them this.
 */
export interface SharedCache {
  /** Every method may reject with SharedCacheBusyError when the store cannot answer now. */
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Stores value under key only if no live (unexpired) entry holds it, atomically across all
   * processes; an expired entry counts as absent and is replaced. True when this call stored it
   * (e.g. "first time this nonce is seen"), false when a live entry was already there.
   */
  addIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  /**
   * Runs fn while holding a lock on key across all processes (e.g. one central token refresher).
   * Waiting is bounded: after a few seconds it rejects with SharedCacheBusyError (the caller's
   * request or job is then retried). fn should finish well within a minute (the app's lock is a
   * lease), and must re-check the cache first, since a slow holder may be overtaken.
   */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
}

/**
 * The shared cache cannot answer now (its lock stayed taken longer than a caller may wait, or its
 * store has no connection free). Transient: connectors let it through instead of turning it into
 * a verdict, so the ingress answers 503 and the provider retries, and jobs are retried.
 */
export class SharedCacheBusyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SharedCacheBusyError';
  }
}

/** What the app lends a connector for calls that need the network, the clock or shared state. */
export interface ConnectorDeps {
  /** For provider APIs at the admin-configured base URLs (https only unless ALLOW_INSECURE_PROVIDER_URLS). */
  fetch: typeof fetch;
  /**
   * For URLs that came from a message, an activity or provider metadata (media links, Bot Framework
   * serviceUrl, OpenID jwks_uri): public addresses only, checked after DNS on every redirect, size-capped.
   */
  fetchUntrusted: typeof fetch;
  now(): Date;
  cache: SharedCache;
}

/** An inbound HTTP request as a connector sees it: the exact raw bytes, never re-serialised JSON. */
export interface WebhookRequest {
  method: string;
  url: URL;
  headers: Headers;
  rawBody: Buffer;
}

/** What the ingress sends back to the provider. */
export interface WebhookReply {
  status: number;
  body: string;
  contentType?: string;
}

export type VerifyResult =
  | { ok: true }
  | { ok: false; status: 401 | 403; reason: string };

export type AttachmentKind = 'image' | 'video' | 'audio' | 'file' | 'sticker' | 'link';

export interface Attachment {
  kind: AttachmentKind;
  /** Where the agent can open it (provider CDN URL, or a link to our media proxy). */
  url?: string;
  name?: string;
  mimeType?: string;
  /** Provider media id when the URL must be fetched later (WhatsApp, WeChat, Telegram). */
  providerMediaId?: string;
  /** Shared links (Messenger "fallback") carry a title. */
  title?: string;
}

export interface GeoLocation {
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
}

export interface ContactProfile {
  /** The customer's id on this channel account (PSID, wa_id, OpenID, chat id...). Always a string. */
  externalId: string;
  name?: string;
}

interface EventBase {
  /**
   * Unique per inbox for this provider event (message id, postback mid, or a hash of a receipt's
   * content). Two deliveries of the same provider event yield the same key.
   */
  dedupeKey: string;
  /** Provider time of the event. */
  timestamp: Date;
}

/** A customer wrote to us (text, attachments, location, postback/quick reply/button). */
export interface InboundMessageEvent extends EventBase {
  type: 'message';
  externalId: string;
  contact: ContactProfile;
  text?: string;
  attachments: Attachment[];
  location?: GeoLocation;
  /** Button / postback / quick-reply payload; `text` holds what the customer saw. */
  postback?: { title?: string; payload: string; /** Provider id to acknowledge (Telegram callback_query). */ callbackId?: string };
  replyToExternalId?: string;
  /**
   * Per-conversation data only inbound provides and outbound needs (Bot Framework serviceUrl and
   * conversation id, Telegram chat type). Stored on the conversation, handed back in SendContext.
   */
  reference?: Record<string, unknown>;
}

/** The customer edited a message they sent (Telegram edited_message): same externalId. */
export interface EditEvent extends EventBase {
  type: 'edit';
  externalId: string;
  contactExternalId: string;
  text?: string;
  attachments: Attachment[];
}

/**
 * The customer's relation to the channel changed: blocked or unblocked the bot, followed or
 * unfollowed the account, added or removed the bot. Shown on the conversation; `blocked` and
 * `unsubscribed` make the customer unreachable until `unblocked` / `subscribed`.
 */
export interface ContactStateEvent extends EventBase {
  type: 'contact_state';
  contactExternalId: string;
  state: 'blocked' | 'unblocked' | 'subscribed' | 'unsubscribed';
  contact?: ContactProfile;
  reference?: Record<string, unknown>;
}

/**
 * A message sent from the business side, reported back by the provider (Messenger echoes).
 * `metadata` carries what we attached at send time, so our own sends can be recognised;
 * echoes without our metadata were sent by a person from the provider's own app.
 */
export interface EchoEvent extends EventBase {
  type: 'echo';
  externalId: string;
  contactExternalId: string;
  text?: string;
  attachments: Attachment[];
  metadata?: string;
  appId?: string;
}

export type DeliveryStatus = 'sent' | 'delivered' | 'read' | 'failed';

/**
 * A receipt. Either names messages (`messageExternalIds`) or covers every outbound message
 * sent before `watermark` in the customer's conversation (Messenger delivery/read watermarks).
 */
export interface StatusEvent extends EventBase {
  type: 'status';
  contactExternalId: string;
  status: DeliveryStatus;
  messageExternalIds?: string[];
  watermark?: Date;
  error?: { code: string; reason: string };
}

export interface ReactionEvent extends EventBase {
  type: 'reaction';
  contactExternalId: string;
  messageExternalId: string;
  emoji: string | null;
}

/** Something the provider sent that we store but do not model (yet). */
export interface UnsupportedEvent extends EventBase {
  type: 'unsupported';
  contactExternalId?: string;
  description: string;
}

export type NormalizedEvent =
  | InboundMessageEvent
  | EchoEvent
  | StatusEvent
  | ReactionEvent
  | EditEvent
  | ContactStateEvent
  | UnsupportedEvent;

/** Raised by `parse` for bodies that are not the provider's format: the ingress answers 400. */
export class MalformedPayloadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedPayloadError';
  }
}

export type ConnectorErrorKind =
  | 'auth'
  | 'rate_limited'
  | 'window_closed'
  | 'invalid_recipient'
  | 'invalid_request'
  | 'provider';

/**
 * A typed send failure. `message` is written for the agent who sees it next to the reply
 * ("The customer's 24-hour window has closed"), `code` is the provider's own code.
 */
export class ConnectorError extends Error {
  readonly kind: ConnectorErrorKind;
  readonly retryable: boolean;
  readonly code?: string;
  readonly retryAfterSeconds?: number;

  constructor(
    kind: ConnectorErrorKind,
    message: string,
    opts: { retryable?: boolean; code?: string; retryAfterSeconds?: number; /** For the log only (socket errors name addresses). */ cause?: unknown } = {},
  ) {
    super(message, opts.cause === undefined ? undefined : { cause: opts.cause });
    this.name = 'ConnectorError';
    this.kind = kind;
    this.code = opts.code;
    this.retryAfterSeconds = opts.retryAfterSeconds;
    this.retryable = opts.retryable ?? (kind === 'rate_limited' || kind === 'provider');
  }
}

export interface OutboundMessage {
  text?: string;
  attachments?: { kind: AttachmentKind; url: string; name?: string }[];
  template?: { name: string; language: string; parameters: string[] };
  /** How many replies were sent since the customer's last message (per-window caps: WeChat 45047). */
  sentSinceInbound?: number;
  replyToExternalId?: string;
  /** Our message id; connectors attach it where the provider echoes it back (Messenger metadata). */
  metadata: string;
}

/** Everything a send needs besides the message: no database access inside connectors. */
export interface SendContext<C> {
  config: C;
  /** The customer's id on the channel. */
  contactExternalId: string;
  /** Per-conversation data only inbound provides (Bot Framework serviceUrl...). */
  reference: Record<string, unknown> | null;
  lastInboundAt: Date | null;
  now: Date;
  fetch: typeof fetch;
  /** See ConnectorDeps.fetchUntrusted: for the serviceUrl and media links to download. */
  fetchUntrusted: typeof fetch;
  cache: SharedCache;
}

export interface SendResult {
  externalId: string;
  /** Every provider id the send produced (text and attachments can be separate provider messages). */
  externalIds?: string[];
  /** The provider moved the customer (Telegram migrate_to_chat_id): the new id to use from now on. */
  contactExternalId?: string;
  /** Replaces the stored conversation reference (e.g. a new conversation id). */
  reference?: Record<string, unknown>;
}

export interface MessageTemplate {
  name: string;
  language: string;
  category?: string;
  status?: string;
  /** The template body with {{1}}-style placeholders, for the agent to read. */
  body?: string;
  parameterCount: number;
}

export interface WindowState {
  /** Can a free-form message be sent now? */
  open: boolean;
  /** When free-form sending stops being possible (null: never closes). */
  closesAt: Date | null;
  /** Shown to the agent, e.g. "Outside 24 h: replies use the HUMAN_AGENT tag until ...". */
  note?: string;
  /** What can still be sent once closed, e.g. ['template']. */
  allowedWhenClosed: string[];
}

export interface TestConnectionResult {
  ok: boolean;
  /** Written for an admin: what was checked and what is wrong. */
  message: string;
  details?: Record<string, string>;
}

export interface Connector<C = Record<string, unknown>> {
  key: string;
  displayName: string;
  capabilities: ChannelCapabilities;
  /** Validates admin input and fills defaults (generated verify tokens, real API hosts). */
  configSchema: z.ZodType<C>;
  /**
   * Optional: stricter rules for the config of a NEW inbox (e.g. a minimum secret length that
   * existing inboxes may predate). Used instead of configSchema when an inbox is created; stored
   * configs are always read with configSchema, so tightening a rule never breaks a live inbox.
   */
  newConfigSchema?: z.ZodType<C>;
  /** Config fields stored encrypted and never returned by the API. */
  secretFields: readonly string[];
  /** Config fields an admin must paste into the provider (shown once the inbox is created). */
  publicSetupFields: readonly string[];
  /**
   * GET verification; null when the request is not a handshake this channel knows. `deps` gives
   * the clock for signed timestamps (WeChat); the app always passes it.
   */
  handshake(req: WebhookRequest, config: C, deps?: ConnectorDeps): WebhookReply | null;
  /** Authenticity over the raw bytes, constant-time. `deps` for key sets and clocks (JWT). */
  verify(req: WebhookRequest, config: C, deps: ConnectorDeps): Promise<VerifyResult>;
  /** Every entry and every event of a batch. Throws MalformedPayloadError for bad input. */
  parse(req: WebhookRequest, config: C): NormalizedEvent[];
  /** What the provider expects back once the request is stored. */
  ack(req: WebhookRequest, config: C): WebhookReply;
  send(ctx: SendContext<C>, message: OutboundMessage): Promise<SendResult>;
  window(lastInboundAt: Date | null, now: Date, config: C, usage?: { sentSinceInbound: number }): WindowState;
  testConnection(config: C, fetchImpl: typeof fetch, deps?: ConnectorDeps): Promise<TestConnectionResult>;
  /**
   * Optional: the customer's profile when webhooks do not carry a name (Messenger). Best effort:
   * returns null on any failure, never throws.
   */
  fetchProfile?(config: C, externalId: string, fetchImpl: typeof fetch): Promise<ContactProfile | null>;
  /** Optional: provider calls owed once events are stored (Telegram answerCallbackQuery). Best effort. */
  afterIngest?(events: NormalizedEvent[], config: C, deps: ConnectorDeps): Promise<void>;
  /** Optional: streams an attachment that needs the provider's credentials (WhatsApp media ids). */
  fetchMedia?(config: C, attachment: Attachment, deps: ConnectorDeps): Promise<Response>;
  /** Optional: the account's approved templates (sendable outside the window). */
  listTemplates?(config: C, deps: ConnectorDeps): Promise<MessageTemplate[]>;
  /** Optional: registers the webhook URL at the provider (Telegram setWebhook, 360dialog). */
  registerWebhook?(config: C, webhookUrl: string, deps: ConnectorDeps): Promise<TestConnectionResult>;
}
