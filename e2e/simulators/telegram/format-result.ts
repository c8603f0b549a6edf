/** Shared by the parse_mode parsers. */
export type FormatResult = { ok: true; plain: string } | { ok: false; error: string };

/** Telegram reports positions in markup errors as UTF-8 byte offsets. */
export const byteOffset = (text: string, index: number) => Buffer.byteLength(text.slice(0, index), 'utf8');
