/**
 * Teams puts mentions into the text as `<at>Name</at>`, and sometimes HTML-escaped
 * (`&lt;at&gt;Name&lt;/at&gt;`) (PROTOCOLS.md 4, edge case 3). The mention of the bot itself is
 * only how the customer addressed us, so it is removed (botbuilder's removeRecipientMention);
 * other mentions keep the person's name as plain text.
 */
const RAW = /<at(?:\s[^>]*)?>([\s\S]*?)<\/at>/gi;
const ESCAPED = /&lt;at(?:\s(?:(?!&gt;)[\s\S])*)?&gt;([\s\S]*?)&lt;\/at&gt;/gi;

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&apos;': "'", '&nbsp;': ' ' };
const decodeEntities = (s: string) => s.replace(/&(?:amp|lt|gt|quot|#39|apos|nbsp);/g, (e) => ENTITIES[e]);

export function cleanMentions(text: string, botNames: readonly string[]): string {
  const names = new Set(botNames.map((n) => normalize(n)).filter(Boolean));
  const replace = (_match: string, inner: string) => {
    const name = decodeEntities(inner).trim();
    return names.has(normalize(name)) ? ' ' : name;
  };
  const cleaned = text.replace(RAW, replace).replace(ESCAPED, replace);
  if (cleaned === text) return text;
  // Only where a mention was removed: collapse the gap it left, keep the customer's line breaks.
  return cleaned.replace(/[ \t\u00a0]{2,}/g, ' ').replace(/^[ \t\u00a0]+|[ \t\u00a0]+$/gm, '').trim();
}

function normalize(name: string): string {
  return decodeEntities(name).replace(/<\/?at[^>]*>/gi, '').trim().toLowerCase();
}

/** The names under which the bot is mentioned: its recipient name and every mention entity naming its id. */
export function botMentionNames(
  botId: string | undefined,
  botName: string | null | undefined,
  entities: readonly { type: string; [k: string]: unknown }[] | null | undefined,
): string[] {
  const names = botName ? [botName] : [];
  for (const entity of entities ?? []) {
    if (entity.type !== 'mention') continue;
    const mentioned = entity.mentioned as { id?: unknown; name?: unknown } | undefined;
    if (!botId || mentioned?.id !== botId) continue;
    if (typeof mentioned.name === 'string') names.push(mentioned.name);
    if (typeof entity.text === 'string') names.push(entity.text);
  }
  return names;
}
