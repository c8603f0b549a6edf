/**
 * Entities the Telegram client would attach to a user's text. Offsets and lengths are UTF-16
 * code units, which is what JS string indexes are, so regex match indexes are already right.
 */
export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
}

const DETECTORS: [RegExp, string][] = [
  [/(?<![\w/])\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{5,32})?(?![\w])/g, 'bot_command'],
  [/(?<![\w@])@[A-Za-z0-9_]{5,32}(?![\w])/g, 'mention'],
  [/(?<![\w#])#[\p{L}\p{N}_]+/gu, 'hashtag'],
  [/\bhttps?:\/\/[^\s]+/g, 'url'],
  [/\b[\w.+-]+@[\w-]+\.[\w.-]+\b/g, 'email'],
];

export function detectEntities(text: string): MessageEntity[] {
  const found: MessageEntity[] = [];
  for (const [pattern, type] of DETECTORS) {
    for (const match of text.matchAll(pattern)) {
      const entity = { type, offset: match.index, length: match[0].length };
      // An email's "@domain" is not also a mention; the first detector to claim a span wins.
      if (!found.some((e) => entity.offset < e.offset + e.length && e.offset < entity.offset + entity.length)) found.push(entity);
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Explicit entities must lie inside the text (in UTF-16 units). */
export function entitiesProblem(text: string, entities: MessageEntity[]): string | null {
  const bad = entities.find((e) => e.offset + e.length > text.length);
  return bad ? `entity ${bad.type} at offset ${bad.offset} with length ${bad.length} ends after the text (${text.length} UTF-16 code units)` : null;
}
