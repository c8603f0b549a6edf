/**
 * WeChat's flat XML (`<xml><Field>value</Field>…</xml>`) read safely, and written with CDATA.
 * Values stay strings (parseTagValue off): MsgId is a 64-bit integer that a double would round.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { MalformedPayloadError } from '../types';

type Node = Record<string, unknown>;

// preserveOrder keeps split CDATA sections and plain text in document order, so a value written as
// <![CDATA[a]]]]><![CDATA[>b]]> reads back as "a]]>b". processEntities off: no DTD entity is ever
// expanded (XXE, billion laughs); the five predefined entities are decoded by hand below.
const parser = new XMLParser({
  preserveOrder: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreAttributes: true,
  trimValues: false,
  cdataPropName: '#cdata',
  ignoreDeclaration: true,
  ignorePiTags: true,
});

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d{1,7}|#x[0-9a-f]{1,6});/gi, (whole, name: string) => {
    if (name[0] !== '#') return PREDEFINED[name.toLowerCase()] ?? whole;
    const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Text of an element: its text and CDATA children in order; null when it has child elements. */
function textOf(children: Node[]): string | null {
  let out = '';
  for (const child of children) {
    if ('#text' in child) out += decodeEntities(String(child['#text']));
    // CDATA is taken verbatim: "&amp;" inside it is five characters, not "&".
    else if ('#cdata' in child) out += (child['#cdata'] as Node[]).map((part) => String(part['#text'] ?? '')).join('');
    else return null;
  }
  return out;
}

/**
 * The root element's simple children as a map. Rejects DTDs (<!DOCTYPE>, <!ENTITY>), invalid XML,
 * a root other than `what.root` and repeated fields (which copy would a signature cover?).
 * Nested elements (e.g. ScanCodeInfo) are skipped: nothing we map reads them.
 */
export function parseWeChatXml(text: string, what = 'WeChat message'): Record<string, string> {
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(text)) throw new MalformedPayloadError(`${what} contains a DTD (<!DOCTYPE>/<!ENTITY>), which WeChat never sends`);
  if (text.trim() === '' || XMLValidator.validate(text) !== true) throw new MalformedPayloadError(`${what} is not well-formed XML`);
  let doc: Node[];
  try {
    doc = parser.parse(text) as Node[];
  } catch (err) {
    // e.g. fast-xml-parser refuses tag names like __proto__ (prototype pollution).
    throw new MalformedPayloadError(`${what} could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  const roots = doc.filter((node) => !('#text' in node));
  const root = roots[0]?.xml;
  if (roots.length !== 1 || !Array.isArray(root)) throw new MalformedPayloadError(`${what} is not an <xml> document`);
  const fields: Record<string, string> = {};
  for (const node of root as Node[]) {
    const [name] = Object.keys(node);
    if (name === '#text' || name === '#cdata') continue; // whitespace between fields
    if (Object.hasOwn(fields, name)) throw new MalformedPayloadError(`${what} repeats <${name}>`);
    const value = textOf(node[name] as Node[]);
    if (value !== null) fields[name] = value;
  }
  return fields;
}

/** A CDATA section for any text: `]]>` cannot appear inside one, so it is split across two. */
export function cdata(value: string): string {
  return `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

/** `<xml>` with string fields in CDATA and numbers bare, in the given order. */
export function buildWeChatXml(fields: [name: string, value: string | number][]): string {
  const body = fields.map(([name, value]) => `<${name}>${typeof value === 'number' ? value : cdata(value)}</${name}>`).join('');
  return `<xml>${body}</xml>`;
}
