/**
 * MsgType=event (PROTOCOLS.md 3c). Events carry no MsgId, so the dedupe key is
 * `event:${FromUserName}:${CreateTime}:${Event}`: a retry repeats all three.
 *
 * Choices:
 * - subscribe / unsubscribe → contact_state. A QR-code subscribe (EventKey qrscene_X) keeps the
 *   scene in `reference.qrScene` so the conversation shows where the follower came from.
 * - CLICK → a message with postback { payload: EventKey }: a qualifying interaction (opens the
 *   48 h window), the customer's equivalent of tapping a button.
 * - SCAN (a follower scanned a parametric QR code) → a message with postback { title: 'Scanned QR
 *   code', payload: scene }: it also qualifies for the window, and an agent may want to react.
 * - LOCATION (automatic location reports, sent on entering the chat when enabled) → unsupported:
 *   not a customer message and not a qualifying interaction, so it must not open the window or
 *   add a message per visit. VIEW (a menu link opened) → unsupported for the same reason.
 * - TEMPLATESENDJOBFINISH → status of the template message `MsgID` (capital D).
 */
import type { NormalizedEvent, StatusEvent } from '../types';
import { createTime, type Fields, idField, optionalField, requireField } from './fields';

export function mapEvent(fields: Fields): NormalizedEvent {
  const from = requireField(fields, 'FromUserName');
  const { text: createTimeText, date: timestamp } = createTime(fields);
  const event = requireField(fields, 'Event');
  const dedupeKey = `event:${from}:${createTimeText}:${event}`;
  const eventKey = optionalField(fields, 'EventKey');

  switch (event) {
    case 'subscribe': {
      const scene = eventKey?.startsWith('qrscene_') ? eventKey.slice('qrscene_'.length) : undefined;
      return {
        type: 'contact_state', dedupeKey, timestamp, contactExternalId: from, state: 'subscribed',
        contact: { externalId: from }, ...(scene ? { reference: { qrScene: scene } } : {}),
      };
    }
    case 'unsubscribe':
      return { type: 'contact_state', dedupeKey, timestamp, contactExternalId: from, state: 'unsubscribed' };
    case 'CLICK':
      return {
        type: 'message', externalId: dedupeKey, dedupeKey, timestamp, contact: { externalId: from }, attachments: [],
        postback: { payload: eventKey ?? '' },
      };
    case 'SCAN':
      return {
        type: 'message', externalId: dedupeKey, dedupeKey, timestamp, contact: { externalId: from }, attachments: [],
        postback: { title: 'Scanned QR code', payload: eventKey ?? '' },
      };
    case 'TEMPLATESENDJOBFINISH':
      return templateStatus(fields, from, timestamp, dedupeKey);
    case 'LOCATION': {
      const where = [fields.Latitude, fields.Longitude].every((v) => v !== undefined) ? ` at ${fields.Latitude},${fields.Longitude}` : '';
      return { type: 'unsupported', dedupeKey, timestamp, contactExternalId: from, description: `WeChat location report${where} (automatic, not a message)` };
    }
    default:
      return { type: 'unsupported', dedupeKey, timestamp, contactExternalId: from, description: `WeChat "${event}" event (not handled)` };
  }
}

/** Status: `success`, `failed:user block`, `failed: system failed` (note the inconsistent space). */
function templateStatus(fields: Fields, from: string, timestamp: Date, dedupeKey: string): StatusEvent {
  // The tag is MsgID here (MsgId elsewhere); reading MsgId would find nothing.
  const msgId = idField(fields, fields.MsgID !== undefined ? 'MsgID' : 'MsgId');
  const raw = requireField(fields, 'Status').trim();
  const base = { type: 'status' as const, dedupeKey, timestamp, contactExternalId: from, messageExternalIds: [msgId] };
  if (raw === 'success') return { ...base, status: 'delivered' };
  const code = raw.replace(/^failed:\s*/, '');
  const reason = code === 'user block'
    ? 'The customer blocked template messages from this Official Account'
    : code === 'system failed' ? 'WeChat failed to deliver the template message (system failure)' : `WeChat could not deliver the template message (${raw})`;
  return { ...base, status: 'failed', error: { code: raw, reason } };
}
