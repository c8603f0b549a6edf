/**
 * Media as WhatsApp serves it (PROTOCOLS.md 2c): an id resolves to a URL that expires after 5 minutes
 * and itself needs the credentials. Cloud returns a URL on this server; 360dialog returns Meta's
 * lookaside URL, which the client must fetch through 360dialog's host (here: this server again).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { png } from '../messenger/media';
import type { SimulatorContext } from './context';
import { newMediaId } from './ids';
import type { Account, MediaItem } from './types';

const SIGNING_KEY = randomBytes(32);
export const LOOKASIDE_ORIGIN = 'https://lookaside.fbsbx.com';
export const DOWNLOAD_PATH = '/whatsapp_business/attachments/';

/** A generated PNG the customer "sends"; no external assets. */
export function createImage(ctx: SimulatorContext, phoneNumberId: string): MediaItem {
  const hue = Math.floor(ctx.random() * 200);
  const bytes = png(160, 120, (x, y) => (((x >> 4) + (y >> 4)) % 2 ? [37, 211 - (hue % 60), 102 + (hue % 100)] : [236, 229, 221]));
  const item: MediaItem = { id: newMediaId(), phoneNumberId, mimeType: 'image/png', bytes, sha256: createHash('sha256').update(bytes).digest('base64') };
  ctx.state.media.set(item.id, item);
  return item;
}

const hashOf = (mid: string, ext: string) => createHmac('sha256', SIGNING_KEY).update(`${mid}:${ext}`).digest('base64url').slice(0, 22);

/** The GET /{media-id} answer for the owning account. */
export function mediaInfo(ctx: SimulatorContext, account: Account, item: MediaItem, requestOrigin: string): Record<string, unknown> {
  const ext = String(Math.floor((ctx.now() + ctx.options.mediaUrlTtlMs) / 1000));
  const origin = account.mode === '360' ? LOOKASIDE_ORIGIN : requestOrigin;
  const url = `${origin}${DOWNLOAD_PATH}?mid=${item.id}&ext=${ext}&hash=${hashOf(item.id, ext)}`;
  return { messaging_product: 'whatsapp', url, mime_type: item.mimeType, sha256: item.sha256, file_size: item.bytes.length, id: item.id };
}

/** Checks a download URL: 'ok' with the item, or why not (the route turns it into 401/404). */
export function checkDownload(ctx: SimulatorContext, url: URL, accounts: Account[]): { item: MediaItem } | { status: 401 | 404; error: string } {
  const mid = url.searchParams.get('mid') ?? '';
  const ext = url.searchParams.get('ext') ?? '';
  const item = ctx.state.media.get(mid);
  if (!item || url.searchParams.get('hash') !== hashOf(mid, ext)) return { status: 404, error: 'no such media URL' };
  if (!accounts.some((a) => a.phoneNumberId === item.phoneNumberId)) return { status: 401, error: 'authentication required: send the access token (Cloud) or D360-API-KEY (360dialog)' };
  if (ctx.now() > Number(ext) * 1000) return { status: 404, error: 'media URL expired: request a new one with GET /{media-id}' };
  return { item };
}
