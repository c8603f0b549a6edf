/** parse_mode=HTML: the tags Telegram supports, balanced, and its four named entities. */
import { byteOffset, type FormatResult } from './format-result';

const TAGS = new Set(['b', 'strong', 'i', 'em', 'u', 'ins', 's', 'strike', 'del', 'span', 'tg-spoiler', 'a', 'code', 'pre', 'blockquote', 'tg-emoji']);
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

function decodeEntity(match: string): string {
  const name = match.slice(1, -1);
  if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
  return NAMED[name.toLowerCase()];
}

export function parseHtml(text: string): FormatResult {
  const fail = (error: string): FormatResult => ({ ok: false, error: `can't parse entities: ${error}` });
  const open: { name: string; at: number }[] = [];
  let plain = '';
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (c === '<') {
      const end = text.indexOf('>', i);
      if (end < 0) return fail(`Unclosed start tag at byte offset ${byteOffset(text, i)}`);
      const inner = text.slice(i + 1, end);
      if (inner.startsWith('/')) {
        const name = inner.slice(1).trim().toLowerCase();
        const top = open.pop();
        if (!top) return fail(`Unexpected end tag at byte offset ${byteOffset(text, i)}`);
        if (top.name !== name) return fail(`Unmatched end tag at byte offset ${byteOffset(text, i)}, expected "</${top.name}>", found "</${name}>"`);
      } else {
        const name = /^[A-Za-z][A-Za-z-]*/.exec(inner)?.[0].toLowerCase() ?? inner;
        if (!TAGS.has(name)) return fail(`Unsupported start tag "${name}" at byte offset ${byteOffset(text, i)}`);
        open.push({ name, at: byteOffset(text, i) });
      }
      i = end + 1;
      continue;
    }
    if (c === '&') {
      const entity = /^&(?:lt|gt|amp|quot|#\d{1,7}|#x[0-9a-f]{1,6});/i.exec(text.slice(i, i + 12));
      if (entity) {
        plain += decodeEntity(entity[0]);
        i += entity[0].length;
        continue;
      }
    }
    plain += c;
    i += 1;
  }
  const unclosed = open.pop();
  if (unclosed) return fail(`Can't find end tag corresponding to start tag "${unclosed.name}"`);
  return { ok: true, plain };
}
