import { describe, expect, it } from 'vitest';
import { sniffInlineType } from './attachment-type';

const bytes = (...parts: (string | number[])[]) => new Uint8Array(Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p)))));

describe('sniffInlineType', () => {
  it.each([
    [bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'image/png'],
    [bytes([0xff, 0xd8, 0xff, 0xe0]), 'image/jpeg'],
    [bytes('GIF89a..'), 'image/gif'],
    [bytes('RIFF\x10\x00\x00\x00WEBPVP8 '), 'image/webp'],
    [bytes('RIFF\x10\x00\x00\x00WAVEfmt '), 'audio/wav'],
    [bytes('%PDF-1.4\n'), 'application/pdf'],
    [bytes('OggS\x00\x02'), 'audio/ogg'],
    [bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]), 'video/webm'],
    [bytes('\x00\x00\x00\x18ftypmp42'), 'video/mp4'],
    [bytes('\x00\x00\x00\x18ftyp3gp4'), 'video/3gpp'],
    [bytes('\x00\x00\x00\x18ftypM4A '), 'audio/mp4'],
    [bytes('ID3\x04\x00'), 'audio/mpeg'],
    [bytes([0xff, 0xfb, 0x90, 0x00]), 'audio/mpeg'],
    [bytes([0xff, 0xf1, 0x50, 0x80]), 'audio/aac'],
  ])('recognises %#: %s', (head, type) => {
    expect(sniffInlineType(head)).toBe(type);
  });

  it.each([
    ['SVG', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['SVG with an XML prolog', '<?xml version="1.0"?><svg/>'],
    ['HTML', '<!doctype html><script>alert(1)</script>'],
    ['plain text', 'hello'],
    ['XHTML', '<html xmlns="http://www.w3.org/1999/xhtml">'],
    ['empty', ''],
  ])('refuses %s (served as a download)', (_, text) => {
    expect(sniffInlineType(bytes(text))).toBeNull();
  });
});
