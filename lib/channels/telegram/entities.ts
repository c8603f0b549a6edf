import type { Attachment } from '../types';
import type { WireEntity } from './schemas';

/**
 * The text an entity covers. Telegram counts offset and length in UTF-16 code units, which is
 * exactly how JS strings index, so String#slice is right; slicing bytes or code points
 * (Array.from, TextEncoder) goes wrong after the first emoji or astral character.
 */
export function entityText(text: string, entity: Pick<WireEntity, 'offset' | 'length'>): string {
  return text.slice(entity.offset, entity.offset + entity.length);
}

/**
 * The message text stays exactly as the customer typed it (entities are not rendered as markup).
 * Only what the text itself does not show survives as attachments: a `text_link` hides its URL
 * behind other words ("click here"), so it becomes a link titled with those words.
 */
export function hiddenLinks(text: string | undefined, entities: WireEntity[] | undefined): Attachment[] {
  if (text === undefined || !entities) return [];
  return entities
    .filter((e) => e.type === 'text_link' && e.url)
    .map((e) => ({ kind: 'link' as const, url: e.url!, title: entityText(text, e) }));
}
