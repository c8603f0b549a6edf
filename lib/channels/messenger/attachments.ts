import { z } from 'zod';
import { MalformedPayloadError, type Attachment, type GeoLocation } from '../types';
import type { WireAttachment } from './schemas';

const coordinatesSchema = z.looseObject({
  coordinates: z.looseObject({ lat: z.number().finite(), long: z.number().finite() }),
});

const MEDIA_KINDS = ['image', 'video', 'audio', 'file'] as const;
type MediaKind = (typeof MEDIA_KINDS)[number];
const isMediaKind = (type: string): type is MediaKind => (MEDIA_KINDS as readonly string[]).includes(type);

function stringField(source: Record<string, unknown> | null | undefined, key: string): string | undefined {
  const value = source?.[key];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export interface MappedAttachments {
  attachments: Attachment[];
  location?: GeoLocation;
}

/** Wire attachments → our attachments; a legacy `location` attachment becomes `location`. */
export function mapAttachments(wire: WireAttachment[] | undefined): MappedAttachments {
  const mapped: MappedAttachments = { attachments: [] };
  for (const item of wire ?? []) {
    const payload = item.payload ?? undefined;
    const url = stringField(payload, 'url') ?? item.url ?? item.URL ?? stringField(payload, 'URL') ?? undefined;

    if (item.type === 'location') {
      const parsed = coordinatesSchema.safeParse(payload);
      if (!parsed.success) throw new MalformedPayloadError('Location attachment without coordinates');
      const { lat, long } = parsed.data.coordinates;
      mapped.location = { latitude: lat, longitude: long, ...(item.title ? { name: item.title } : {}) };
    } else if (item.type === 'image' && payload?.sticker_id !== undefined) {
      // Stickers (including the "like" thumb) arrive as images carrying a sticker_id.
      mapped.attachments.push(withoutUndefined({ kind: 'sticker', url }));
    } else if (isMediaKind(item.type)) {
      mapped.attachments.push(withoutUndefined({ kind: item.type, url }));
    } else {
      // "fallback" (shared link) and types we do not model yet (reels, products...) stay visible as links.
      const title = item.title ?? stringField(payload, 'title') ?? (item.type === 'fallback' ? undefined : item.type);
      mapped.attachments.push(withoutUndefined({ kind: 'link', url, title }));
    }
  }
  return mapped;
}

function withoutUndefined(attachment: Attachment): Attachment {
  return Object.fromEntries(Object.entries(attachment).filter(([, v]) => v !== undefined)) as Attachment;
}
