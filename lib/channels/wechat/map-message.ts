/** Customer messages (MsgType other than event), PROTOCOLS.md 3c. Dedupe key and external id: MsgId. */
import { createHash } from 'node:crypto';
import type { Attachment, InboundMessageEvent, NormalizedEvent } from '../types';
import { coordinate, createTime, type Fields, idField, optionalField, requireField } from './fields';

const VOICE_MIME: Record<string, string> = { amr: 'audio/amr', speex: 'audio/speex', mp3: 'audio/mpeg' };

export function mapMessage(fields: Fields, msgType: string): NormalizedEvent {
  const from = requireField(fields, 'FromUserName');
  const { date } = createTime(fields);
  const base = (msgId: string): InboundMessageEvent => ({
    type: 'message', externalId: msgId, dedupeKey: msgId, timestamp: date, contact: { externalId: from }, attachments: [],
  });
  const media = (kind: Attachment['kind'], extra: Partial<Attachment> = {}): Attachment => ({
    kind, providerMediaId: requireField(fields, 'MediaId'), ...extra,
  });

  switch (msgType) {
    case 'text':
      // Legacy emoticon codes ("/::)", "[Smile]") are kept as the customer typed them.
      return { ...base(idField(fields, 'MsgId')), text: fields.Content ?? '' };
    case 'image':
      return { ...base(idField(fields, 'MsgId')), attachments: [media('image', { url: requireField(fields, 'PicUrl') })] };
    case 'voice': {
      const format = optionalField(fields, 'Format')?.toLowerCase();
      const recognition = optionalField(fields, 'Recognition'); // only with speech recognition enabled
      const mimeType = format ? VOICE_MIME[format] : undefined;
      return {
        ...base(idField(fields, 'MsgId')),
        attachments: [media('audio', { ...(format ? { name: `voice.${format}` } : {}), ...(mimeType ? { mimeType } : {}) })],
        ...(recognition ? { text: recognition } : {}),
      };
    }
    case 'video':
    case 'shortvideo':
      // ThumbMediaId (the preview frame) has no place in Attachment; the video itself is enough.
      return { ...base(idField(fields, 'MsgId')), attachments: [media('video')] };
    case 'location': {
      const label = optionalField(fields, 'Label');
      return {
        ...base(idField(fields, 'MsgId')),
        location: { latitude: coordinate(fields, 'Location_X', 90), longitude: coordinate(fields, 'Location_Y', 180), ...(label ? { address: label } : {}) },
      };
    }
    case 'link': {
      const description = optionalField(fields, 'Description');
      const title = optionalField(fields, 'Title');
      return {
        ...base(idField(fields, 'MsgId')),
        attachments: [{ kind: 'link', url: requireField(fields, 'Url'), ...(title ? { title } : {}) }],
        ...(description ? { text: description } : {}),
      };
    }
    default:
      return unsupportedMessage(fields, msgType, from, date);
  }
}

/** file, miniprogrampage, new types...: stored, not modelled. */
function unsupportedMessage(fields: Fields, msgType: string, from: string, timestamp: Date): NormalizedEvent {
  const msgId = optionalField(fields, 'MsgId');
  // Without a MsgId, the same delivery repeats the same fields: a hash of them is a stable key.
  const key = msgId ?? `msg:${createHash('sha256').update(JSON.stringify(fields)).digest('hex').slice(0, 32)}`;
  return { type: 'unsupported', dedupeKey: key, timestamp, contactExternalId: from, description: `WeChat "${msgType}" message (not handled)` };
}
