/** parse_mode=MarkdownV2 (reserved characters must be escaped) and the legacy Markdown. */
import { byteOffset, type FormatResult } from './format-result';

const RESERVED_V2 = new Set('_*[]()~`>#+-=|{}.!');
const fail = (error: string): FormatResult => ({ ok: false, error: `can't parse entities: ${error}` });

/** Index of the closing `marker` at or after `from`, skipping backslash escapes; -1 if none. */
function findClosing(text: string, marker: string, from: number): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text.startsWith(marker, i)) return i;
  }
  return -1;
}

/** Markers that toggle formatting; longer ones first so "__" wins over "_". */
const V2_MARKERS = ['||', '__', '*', '_', '~'];

export function parseMarkdownV2(text: string): FormatResult {
  const open: { marker: string; at: number }[] = [];
  let plain = '';
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '\\') {
      if (i + 1 >= text.length) return fail(`Character '\\' is reserved and must be escaped with the preceding '\\'`);
      plain += text[i + 1];
      i += 2;
      continue;
    }
    const code = text.startsWith('```', i) ? '```' : c === '`' ? '`' : null;
    if (code) {
      const end = findClosing(text, code, i + code.length);
      if (end < 0) return fail(`Can't find end of ${code === '`' ? 'Code' : 'Pre'} entity at byte offset ${byteOffset(text, i)}`);
      plain += text.slice(i + code.length, end).replace(/\\(.)/g, '$1');
      i = end + code.length;
      continue;
    }
    const marker = V2_MARKERS.find((m) => text.startsWith(m, i));
    if (marker) {
      const at = open.findIndex((o) => o.marker === marker);
      if (at >= 0 && at !== open.length - 1) return fail(`Can't find end of the entity starting at byte offset ${open[open.length - 1].at}`);
      if (at >= 0) open.pop();
      else open.push({ marker, at: byteOffset(text, i) });
      i += marker.length;
      continue;
    }
    if (c === '[') {
      open.push({ marker: '[', at: byteOffset(text, i) });
      i += 1;
      continue;
    }
    if (c === ']' && open[open.length - 1]?.marker === '[' && text[i + 1] === '(') {
      const end = findClosing(text, ')', i + 2);
      if (end < 0) return fail(`Can't find end of a URL at byte offset ${byteOffset(text, i + 1)}`);
      open.pop();
      i = end + 1;
      continue;
    }
    // ">" opens a block quote at the start of a line.
    if (c === '>' && (i === 0 || text[i - 1] === '\n')) {
      i += 1;
      continue;
    }
    if (RESERVED_V2.has(c)) return fail(`Character '${c}' is reserved and must be escaped with the preceding '\\'`);
    plain += c;
    i += 1;
  }
  const unclosed = open.pop();
  if (unclosed) return fail(`Can't find end of the entity starting at byte offset ${unclosed.at}`);
  return { ok: true, plain };
}

/** Legacy Markdown: *bold*, _italic_, `code`, ```pre```, [text](url); no nesting, no reserved characters. */
export function parseMarkdown(text: string): FormatResult {
  let plain = '';
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '\\' && '_*`['.includes(text[i + 1] ?? '')) {
      plain += text[i + 1];
      i += 2;
      continue;
    }
    const marker = text.startsWith('```', i) ? '```' : '*_`'.includes(c) ? c : c === '[' ? ']' : null;
    if (!marker) {
      plain += c;
      i += 1;
      continue;
    }
    const start = i + (marker === '```' ? 3 : 1);
    const end = text.indexOf(marker, start);
    if (end < 0) return fail(`Can't find end of the entity starting at byte offset ${byteOffset(text, i)}`);
    plain += text.slice(start, end);
    i = end + marker.length;
    if (marker === ']' && text[i] === '(') {
      const close = text.indexOf(')', i);
      if (close < 0) return fail(`Can't find end of a URL at byte offset ${byteOffset(text, i)}`);
      i = close + 1;
    }
  }
  return { ok: true, plain };
}
