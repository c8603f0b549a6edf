import type { Attachment } from '../types';
import type { WireAttachment } from './activity';

export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';
const CARD_PREFIX = 'application/vnd.microsoft.card.';

export interface MappedAttachments {
  attachments: Attachment[];
  /** Cards the customer sent (shared or forwarded), named for a readable placeholder text. */
  cards: string[];
}

/**
 * Activity attachments → our attachments (PROTOCOLS.md 4c).
 * - Teams files arrive as a download-info attachment: `content.downloadUrl` is the pre-authorised
 *   link (contentUrl is the SharePoint page, which needs a Microsoft login).
 * - Teams inline images come as image/* with a contentUrl that needs the bot's token to download.
 * - Inline content without a URL (Teams' text/html copy of the message text, cards) is not a file.
 */
export function mapAttachments(wire: readonly WireAttachment[] | null | undefined): MappedAttachments {
  const result: MappedAttachments = { attachments: [], cards: [] };
  for (const a of wire ?? []) {
    const name = a.name ?? undefined;
    if (a.contentType === TEAMS_FILE_DOWNLOAD_INFO) {
      const content = a.content as { downloadUrl?: unknown; fileType?: unknown } | undefined;
      const url = typeof content?.downloadUrl === 'string' ? content.downloadUrl : (a.contentUrl ?? undefined);
      if (url) result.attachments.push({ kind: 'file', url, ...(name ? { name } : {}) });
      continue;
    }
    if (a.contentType.startsWith(CARD_PREFIX)) {
      result.cards.push(cardName(a.contentType));
      continue;
    }
    if (!a.contentUrl) continue;
    result.attachments.push({
      kind: kindOf(a.contentType),
      url: a.contentUrl,
      mimeType: a.contentType,
      ...(name ? { name } : {}),
    });
  }
  return result;
}

function kindOf(contentType: string): Attachment['kind'] {
  const type = contentType.toLowerCase();
  if (type.startsWith('image/')) return 'image';
  if (type.startsWith('video/')) return 'video';
  if (type.startsWith('audio/')) return 'audio';
  return 'file';
}

/** application/vnd.microsoft.card.adaptive → "Adaptive Card", …card.hero → "Hero card". */
function cardName(contentType: string): string {
  const kind = contentType.slice(CARD_PREFIX.length);
  return kind === 'adaptive' ? 'Adaptive Card' : `${kind.charAt(0).toUpperCase()}${kind.slice(1)} card`;
}
