/**
 * The content type an attachment is served with, decided by its first bytes only: what the sender
 * declared (and the file name) can lie. Only these types are ever served inline; anything else,
 * SVG and HTML included, downloads as application/octet-stream.
 */
export const INLINE_TYPES = [
  'image/png', 'image/jpeg', 'image/gif', 'image/webp',
  'audio/mpeg', 'audio/ogg', 'audio/aac', 'audio/mp4', 'audio/wav',
  'video/mp4', 'video/webm', 'video/3gpp',
  'application/pdf',
] as const;
export type InlineType = (typeof INLINE_TYPES)[number];

/** Bytes needed to recognise every type below. */
export const SNIFF_BYTES = 16;

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));
const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b);

/** The allow-listed type these leading bytes prove, or null (served as a download). */
export function sniffInlineType(head: Uint8Array): InlineType | null {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a') return 'image/gif';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WEBP') return 'image/webp';
  if (ascii(head, 0, 4) === 'RIFF' && ascii(head, 8, 12) === 'WAVE') return 'audio/wav';
  if (ascii(head, 0, 5) === '%PDF-') return 'application/pdf';
  if (ascii(head, 0, 4) === 'OggS') return 'audio/ogg';
  if (startsWith(head, [0x1a, 0x45, 0xdf, 0xa3])) return 'video/webm';
  if (ascii(head, 4, 8) === 'ftyp') {
    const brand = ascii(head, 8, 12);
    if (brand.startsWith('3g')) return 'video/3gpp';
    if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
    return 'video/mp4';
  }
  if (ascii(head, 0, 3) === 'ID3') return 'audio/mpeg';
  if (head[0] === 0xff && head.length > 1 && (head[1] & 0xe0) === 0xe0) {
    // MPEG audio frame sync: layer bits 00 is an AAC ADTS header, anything else MP3.
    return (head[1] & 0x06) === 0 ? 'audio/aac' : 'audio/mpeg';
  }
  return null;
}
