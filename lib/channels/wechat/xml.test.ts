import { describe, expect, it } from 'vitest';
import { MalformedPayloadError } from '../types';
import { buildWeChatXml, cdata, parseWeChatXml } from './xml';

describe('parseWeChatXml', () => {
  it('reads CDATA verbatim, bare values as text, and keeps 19-digit ids as strings', () => {
    const fields = parseWeChatXml('<xml>\n <A><![CDATA[x &amp; <b> ]]></A>\n <MsgId>9223372036854775807</MsgId><Empty></Empty><Self/></xml>');
    expect(fields).toEqual({ A: 'x &amp; <b> ', MsgId: '9223372036854775807', Empty: '', Self: '' });
  });

  it('joins split CDATA sections and decodes the predefined entities outside CDATA only', () => {
    const fields = parseWeChatXml('<xml><A><![CDATA[a]]]]><![CDATA[>b]]></A><B>1 &lt; 2 &amp;&#x1F600;&#65;</B></xml>');
    expect(fields.A).toBe('a]]>b');
    expect(fields.B).toBe('1 < 2 &😀A');
  });

  it('skips nested elements and needs an <xml> root with each field once', () => {
    expect(parseWeChatXml('<xml><ScanCodeInfo><ScanType>qrcode</ScanType></ScanCodeInfo><A>1</A></xml>')).toEqual({ A: '1' });
    expect(() => parseWeChatXml('<root><A>1</A></root>')).toThrow(MalformedPayloadError);
    expect(() => parseWeChatXml('<xml><A>1</A><A>2</A></xml>')).toThrow(/repeats <A>/);
    expect(() => parseWeChatXml('<xml><A>1</A></xml><xml/>')).toThrow(MalformedPayloadError);
    expect(() => parseWeChatXml('<xml><A>1</xml>')).toThrow(MalformedPayloadError);
  });

  it('rejects any DTD, so no entity is ever expanded (XXE, billion laughs)', () => {
    expect(() => parseWeChatXml('<!DOCTYPE xml [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><A>&e;</A></xml>')).toThrow(/DTD/);
    expect(() => parseWeChatXml('<xml><A><![CDATA[x]]></A></xml><!ENTITY x "y">')).toThrow(/DTD/);
    // An undeclared entity stays as text instead of being resolved.
    expect(parseWeChatXml('<xml><A>&e;</A></xml>').A).toBe('&e;');
  });

  it('rejects a <__proto__> field as malformed (never a crash or a polluted prototype)', () => {
    expect(() => parseWeChatXml('<xml><__proto__><x>1</x></__proto__></xml>')).toThrow(MalformedPayloadError);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });
});

describe('cdata and buildWeChatXml', () => {
  it('splits ]]> across CDATA sections so the text round-trips', () => {
    expect(cdata('a]]>b')).toBe('<![CDATA[a]]]]><![CDATA[>b]]>');
    const text = 'x]]>y]]>]]> <&> 😀';
    const xml = buildWeChatXml([['Content', text], ['CreateTime', 1700000000]]);
    expect(xml).toMatch(/<CreateTime>1700000000<\/CreateTime>/);
    expect(parseWeChatXml(xml).Content).toBe(text);
  });
});
