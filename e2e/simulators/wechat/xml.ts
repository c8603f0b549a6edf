/** WeChat's flat XML for the simulator: written with CDATA (`]]>` split), read with DTDs refused. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export const cdata = (value: string) => `<![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;

/** Strings in CDATA, numbers and bigints bare (MsgId is written as exact digits). */
export function toXml(fields: [string, string | number | bigint | undefined][]): string {
  return `<xml>${fields
    .filter(([, v]) => v !== undefined)
    .map(([name, v]) => `<${name}>${typeof v === 'string' ? cdata(v) : String(v)}</${name}>`)
    .join('')}</xml>`;
}

const parser = new XMLParser({ processEntities: false, parseTagValue: false, ignoreAttributes: true, trimValues: false, ignoreDeclaration: true });

/** The <xml> root's text fields, or null when the text is not such a document. */
export function readXml(text: string): Record<string, string> | null {
  if (/<!\s*(DOCTYPE|ENTITY)/i.test(text) || XMLValidator.validate(text) !== true) return null;
  let root: unknown;
  try {
    root = (parser.parse(text) as { xml?: unknown }).xml;
  } catch {
    return null;
  }
  if (!root || typeof root !== 'object') return null;
  const fields: Record<string, string> = {};
  // Split CDATA sections come back joined; repeated or nested elements are left out.
  for (const [name, value] of Object.entries(root)) if (typeof value === 'string') fields[name] = value;
  return fields;
}
