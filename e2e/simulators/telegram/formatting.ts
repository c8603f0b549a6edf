/**
 * parse_mode handling: what Telegram shows (plain text, whose length is what the 4096/1024 limits
 * count) or the "can't parse entities" error it answers for bad markup. Offsets in those errors
 * are UTF-8 byte offsets, as Telegram reports them.
 */
import { parseHtml } from './html-format';
import { parseMarkdown, parseMarkdownV2 } from './markdown-format';
import type { FormatResult } from './format-result';

export type { FormatResult } from './format-result';

export function formatText(text: string, parseMode: string | undefined): FormatResult {
  if (parseMode === undefined || parseMode === '') return { ok: true, plain: text };
  switch (parseMode.toLowerCase()) {
    case 'html':
      return parseHtml(text);
    case 'markdownv2':
      return parseMarkdownV2(text);
    case 'markdown':
      return parseMarkdown(text);
    default:
      return { ok: false, error: 'unsupported parse_mode' };
  }
}
