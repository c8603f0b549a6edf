import { describe, expect, it } from 'vitest';
import { formatText } from './formatting';

const ok = (text: string, mode?: string) => {
  const r = formatText(text, mode);
  if (!r.ok) throw new Error(r.error);
  return r.plain;
};
const err = (text: string, mode: string) => {
  const r = formatText(text, mode);
  return r.ok ? null : r.error;
};

describe('HTML', () => {
  it('strips supported tags and decodes the four named entities and numeric ones', () => {
    expect(ok('<b>bold</b> <i>it</i> <a href="https://x.test">link</a> <tg-spoiler>s</tg-spoiler> &lt;3 &amp; &quot;q&quot; &#128512; &#x1F600;', 'HTML'))
      .toBe('bold it link s <3 & "q" 😀 😀');
  });

  it('reports errors like Telegram, with UTF-8 byte offsets', () => {
    expect(err('😀 <foo>', 'HTML')).toBe(`can't parse entities: Unsupported start tag "foo" at byte offset 5`);
    expect(err('<b>x</i>', 'HTML')).toBe(`can't parse entities: Unmatched end tag at byte offset 4, expected "</b>", found "</i>"`);
    expect(err('x</b>', 'HTML')).toBe(`can't parse entities: Unexpected end tag at byte offset 1`);
    expect(err('<b>never closed', 'HTML')).toBe(`can't parse entities: Can't find end tag corresponding to start tag "b"`);
    expect(err('a <b', 'HTML')).toBe(`can't parse entities: Unclosed start tag at byte offset 2`);
  });
});

describe('MarkdownV2', () => {
  it('accepts entities and escapes', () => {
    expect(ok('*bold* _it_ __under__ ~del~ ||spoiler|| `co.de` [link](https://x.test/a_(b\\)) 5\\.00\\!', 'MarkdownV2'))
      .toBe('bold it under del spoiler co.de link 5.00!');
    expect(ok('```js\nconst a = 1;\n```', 'MarkdownV2')).toBe('js\nconst a = 1;\n');
    expect(ok('>quoted line', 'MarkdownV2')).toBe('quoted line');
  });

  it('reserved characters must be escaped; unclosed entities are reported at their byte offset', () => {
    expect(err('Price: 5.00', 'MarkdownV2')).toBe(`can't parse entities: Character '.' is reserved and must be escaped with the preceding '\\'`);
    expect(err('a-b', 'MarkdownV2')).toMatch(/Character '-' is reserved/);
    expect(err('👋 _unclosed', 'MarkdownV2')).toBe(`can't parse entities: Can't find end of the entity starting at byte offset 5`);
    expect(err('`code', 'MarkdownV2')).toMatch(/Can't find end of Code entity at byte offset 0/);
    expect(err('*a _b* c_', 'MarkdownV2')).toMatch(/Can't find end of the entity/);
  });
});

describe('Markdown (legacy) and no parse_mode', () => {
  it('legacy Markdown has no reserved characters but still needs closed entities', () => {
    expect(ok('*bold* 5.00! [x](https://x.test)', 'Markdown')).toBe('bold 5.00! x');
    expect(err('_open', 'Markdown')).toBe(`can't parse entities: Can't find end of the entity starting at byte offset 0`);
  });

  it('without parse_mode the text is shown verbatim; unknown modes are refused', () => {
    expect(ok('<b>*x*</b> 5.00!')).toBe('<b>*x*</b> 5.00!');
    expect(err('x', 'BBCode')).toBe('unsupported parse_mode');
  });
});
