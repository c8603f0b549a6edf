import type { Attachment, AttachmentKind, GeoLocation } from '../types';
import type { WireFile, WireMessage } from './schemas';

export interface MappedContent {
  attachments: Attachment[];
  location?: GeoLocation;
}

/** Stickers come in three formats; the mime type tells the UI how to show one. */
function stickerMime(sticker: NonNullable<WireMessage['sticker']>): string {
  if (sticker.is_animated) return 'application/x-tgsticker';
  return sticker.is_video ? 'video/webm' : 'image/webp';
}

function fileAttachment(kind: AttachmentKind, file: WireFile, extra: Partial<Attachment> = {}): Attachment {
  const attachment: Attachment = { kind, providerMediaId: file.file_id, ...extra };
  if (file.file_name !== undefined && attachment.name === undefined) attachment.name = file.file_name;
  if (file.mime_type !== undefined && attachment.mimeType === undefined) attachment.mimeType = file.mime_type;
  return attachment;
}

/**
 * Media of one message. Telegram files have no public URL (the download URL contains the bot
 * token), so each attachment carries the file_id for fetchMedia instead.
 */
export function mapContent(message: WireMessage): MappedContent {
  const out: MappedContent = { attachments: [] };
  const push = (a: Attachment) => out.attachments.push(a);
  // Sizes come in ascending order: the last one is the original resolution.
  if (message.photo?.length) push(fileAttachment('image', message.photo[message.photo.length - 1]));
  // An animation (GIF) message also carries a `document` describing the same file: map it once.
  if (message.animation) push(fileAttachment('video', message.animation));
  else if (message.document) push(fileAttachment('file', message.document));
  if (message.video) push(fileAttachment('video', message.video));
  if (message.video_note) push(fileAttachment('video', message.video_note));
  if (message.voice) push(fileAttachment('audio', message.voice));
  if (message.audio) {
    const title = [message.audio.performer, message.audio.title].filter(Boolean).join(' – ');
    push(fileAttachment('audio', message.audio, title ? { title } : {}));
  }
  if (message.sticker) {
    const { emoji } = message.sticker;
    push(fileAttachment('sticker', message.sticker, { mimeType: stickerMime(message.sticker), ...(emoji ? { title: emoji } : {}) }));
  }
  // A venue message also carries a bare `location`: the venue has the name and address.
  if (message.venue) {
    const { location, title, address } = message.venue;
    out.location = { latitude: location.latitude, longitude: location.longitude, name: title, address };
  } else if (message.location) {
    out.location = { latitude: message.location.latitude, longitude: message.location.longitude };
  }
  return out;
}

/** A shared phone contact has no attachment kind of its own: it becomes readable text. */
export function sharedContactText(message: WireMessage): string | undefined {
  if (!message.contact) return undefined;
  const { first_name, last_name, phone_number } = message.contact;
  return `Shared contact: ${[first_name, last_name].filter(Boolean).join(' ')}, ${phone_number}`;
}
