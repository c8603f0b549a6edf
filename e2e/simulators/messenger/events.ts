/** Builders for webhook events and the page envelope, in Meta's wire shape (PROTOCOLS.md 1c). */
import type { InboundMessage, SentMessage } from './types';

export type MessagingEvent = Record<string, unknown>;

/** One event bound for one entry of a webhook POST. */
export interface OutboundEvent {
  pageId: string;
  /** What the delivery log records: the mid, or kind:watermark for receipts. */
  eventId: string;
  kind: 'message' | 'postback' | 'echo' | 'delivery' | 'read';
  event: MessagingEvent;
}

/** App id Meta reports for replies typed by a person in the Page Inbox / Business Suite [R]. */
export const PAGE_INBOX_APP_ID = 263902037430900;

/** Meta puts one event per entry; a batch is several entries (possibly for several pages). */
export function envelope(events: OutboundEvent[], time = Date.now()) {
  return { object: 'page', entry: events.map((e) => ({ id: e.pageId, time, messaging: [e.event] })) };
}

export function customerEvent(msg: InboundMessage): OutboundEvent {
  const base = { sender: { id: msg.psid }, recipient: { id: msg.pageId }, timestamp: msg.time };
  if (msg.postback) {
    const event = { ...base, postback: { mid: msg.mid, title: msg.postback.title, payload: msg.postback.payload } };
    return { pageId: msg.pageId, eventId: msg.mid, kind: 'postback', event };
  }
  const message: Record<string, unknown> = { mid: msg.mid };
  if (msg.text !== undefined) message.text = msg.text;
  if (msg.quickReplyPayload !== undefined) message.quick_reply = { payload: msg.quickReplyPayload };
  if (msg.replyToMid !== undefined) message.reply_to = { mid: msg.replyToMid };
  if (msg.attachments?.length) message.attachments = msg.attachments.map((a) => ({ type: a.type, payload: { url: a.url } }));
  return { pageId: msg.pageId, eventId: msg.mid, kind: 'message', event: { ...base, message } };
}

/** Echo of a page's own message: sender and recipient reversed, app_id a JSON number. */
export function echoEvent(sent: SentMessage, appId: number): OutboundEvent {
  const message: Record<string, unknown> = { is_echo: true, app_id: appId };
  if (sent.metadata !== undefined) message.metadata = sent.metadata;
  message.mid = sent.messageId;
  if (sent.text !== undefined) message.text = sent.text;
  if (sent.attachment) {
    const { is_reusable: _ignored, ...payload } = sent.attachment.payload;
    message.attachments = [{ type: sent.attachment.type, payload }];
  }
  const event = { sender: { id: sent.pageId }, recipient: { id: sent.psid }, timestamp: sent.time, message };
  return { pageId: sent.pageId, eventId: sent.messageId, kind: 'echo', event };
}

/** Delivery receipt: documented without a top-level timestamp; watermark = everything before it was delivered. */
export function deliveryEvent(pageId: string, psid: string, mids: string[], watermark: number): OutboundEvent {
  const event = { sender: { id: psid }, recipient: { id: pageId }, delivery: { mids, watermark } };
  return { pageId, eventId: `delivery:${watermark}`, kind: 'delivery', event };
}

export function readEvent(pageId: string, psid: string, watermark: number, timestamp: number): OutboundEvent {
  const event = { sender: { id: psid }, recipient: { id: pageId }, timestamp, read: { watermark } };
  return { pageId, eventId: `read:${watermark}`, kind: 'read', event };
}
