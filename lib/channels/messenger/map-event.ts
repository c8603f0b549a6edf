import { createHash } from 'node:crypto';
import { MalformedPayloadError, type NormalizedEvent } from '../types';
import { mapAttachments } from './attachments';
import type { WireEvent, WireMessage } from './schemas';

const ENVELOPE_KEYS = new Set(['sender', 'recipient', 'timestamp']);

function requireId(party: { id: string } | undefined, what: string): string {
  if (!party) throw new MalformedPayloadError(`Messenger event without ${what}`);
  return party.id;
}

/** Maps one validated webhook event; `raw` is the untouched JSON, used for stable keys. */
export function mapEvent(event: WireEvent, raw: unknown, entryTime: number | undefined): NormalizedEvent {
  // Delivery events often carry no timestamp: the watermark, then the entry time, stand in.
  const ms = event.timestamp ?? event.delivery?.watermark ?? event.read?.watermark ?? entryTime;
  if (ms === undefined) throw new MalformedPayloadError('Messenger event without a timestamp');
  const timestamp = new Date(ms);

  if (event.message?.is_echo) return mapEcho(event.message, requireId(event.recipient, 'recipient'), timestamp);
  if (event.message) return mapMessage(event.message, requireId(event.sender, 'sender'), timestamp);

  if (event.postback) {
    const sender = requireId(event.sender, 'sender');
    const { mid, title, payload } = event.postback;
    // Postbacks before Graph v11 have no mid: the key is the fields that make one tap unique.
    const key = mid ?? `postback:${sender}:${ms}:${payload}`;
    return {
      type: 'message', externalId: key, dedupeKey: key, timestamp,
      contact: { externalId: sender }, text: title, attachments: [],
      postback: { ...(title !== undefined ? { title } : {}), payload },
    };
  }

  if (event.delivery || event.read) {
    const sender = requireId(event.sender, 'sender');
    const status = event.delivery ? 'delivered' : 'read';
    const watermark = (event.delivery ?? event.read)!.watermark;
    const mids = event.delivery?.mids;
    return {
      type: 'status', status, contactExternalId: sender, timestamp,
      dedupeKey: `${status === 'delivered' ? 'delivery' : 'read'}:${sender}:${watermark}`,
      watermark: new Date(watermark), ...(mids ? { messageExternalIds: mids } : {}),
    };
  }

  if (event.reaction) {
    const sender = requireId(event.sender, 'sender');
    const { mid, action, reaction, emoji } = event.reaction;
    return {
      type: 'reaction', contactExternalId: sender, messageExternalId: mid, timestamp,
      emoji: action === 'unreact' ? null : (emoji ?? reaction ?? null),
      dedupeKey: `reaction:${mid}:${action}:${reaction ?? ''}:${ms}`,
    };
  }

  return mapUnsupported(event, raw, timestamp);
}

function mapMessage(message: WireMessage, sender: string, timestamp: Date): NormalizedEvent {
  const { attachments, location } = mapAttachments(message.attachments);
  return {
    type: 'message', externalId: message.mid, dedupeKey: message.mid, timestamp,
    contact: { externalId: sender }, attachments,
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(location ? { location } : {}),
    ...(message.quick_reply ? { postback: { title: message.text, payload: message.quick_reply.payload } } : {}),
    ...(message.reply_to ? { replyToExternalId: message.reply_to.mid } : {}),
  };
}

/** Echoes run business → customer, so the customer is the *recipient*. */
function mapEcho(message: WireMessage, customer: string, timestamp: Date): NormalizedEvent {
  const { attachments } = mapAttachments(message.attachments);
  return {
    type: 'echo', externalId: message.mid, dedupeKey: message.mid, timestamp,
    contactExternalId: customer, attachments,
    ...(message.text !== undefined ? { text: message.text } : {}),
    ...(message.metadata !== undefined ? { metadata: message.metadata } : {}),
    ...(message.app_id !== undefined ? { appId: String(message.app_id) } : {}),
  };
}

/** Opt-ins, referrals, handovers, policy enforcement...: stored, not modelled. */
function mapUnsupported(event: WireEvent, raw: unknown, timestamp: Date): NormalizedEvent {
  const keys = raw && typeof raw === 'object' ? Object.keys(raw) : [];
  const kind = keys.find((key) => !ENVELOPE_KEYS.has(key)) ?? 'empty';
  // Redeliveries repeat the same bytes, so a hash of the event is a stable, unique key.
  const digest = createHash('sha256').update(JSON.stringify(raw)).digest('hex').slice(0, 32);
  return {
    type: 'unsupported', timestamp, dedupeKey: `${kind}:${digest}`,
    description: `Messenger "${kind}" event (not handled)`,
    ...(event.sender ? { contactExternalId: event.sender.id } : {}),
  };
}
