import { describe, expect, it } from 'vitest';
import { botMentionNames, cleanMentions } from './mentions';

describe('cleanMentions', () => {
  it('removes the bot mention wherever it is and keeps other names', () => {
    expect(cleanMentions('<at>SupportBot</at> hi', ['SupportBot'])).toBe('hi');
    expect(cleanMentions('hi <at>SupportBot</at>, ping <at>Adele</at>', ['SupportBot'])).toBe('hi , ping Adele');
    expect(cleanMentions('&lt;at&gt;SupportBot&lt;/at&gt; hi &lt;at&gt;Ana &amp; Co&lt;/at&gt;', ['SupportBot'])).toBe('hi Ana & Co');
  });

  it('matches case-insensitively and with attributes; keeps line breaks', () => {
    expect(cleanMentions('<at id="0">supportbot</at> line 1\nline 2', ['SupportBot'])).toBe('line 1\nline 2');
  });

  it('leaves text without mentions byte-for-byte alone (no trimming, no decoding)', () => {
    expect(cleanMentions('  a &lt; b  ', ['SupportBot'])).toBe('  a &lt; b  ');
  });
});

describe('botMentionNames', () => {
  it('collects the recipient name and the mention entities naming the bot id', () => {
    const entities = [
      { type: 'mention', mentioned: { id: '28:bot', name: 'Support Bot (Prod)' }, text: '<at>Support Bot (Prod)</at>' },
      { type: 'mention', mentioned: { id: '29:other', name: 'Adele' }, text: '<at>Adele</at>' },
      { type: 'clientInfo' },
    ];
    expect(botMentionNames('28:bot', 'SupportBot', entities)).toEqual(['SupportBot', 'Support Bot (Prod)', '<at>Support Bot (Prod)</at>']);
  });
});
