/** POST /cgi-bin/message/custom/send: validates like the platform, then records the message. */
import { wxError } from './api-errors';
import type { SimContext } from './context';
import type { SentRecord } from './types';
import { checkCustomerService } from './window';

/** Text over this many UTF-8 bytes gets 45002 (the documented limit varies; 2048 is the common reading). */
export const MAX_TEXT_BYTES = 2048;
const MEDIA_MESSAGES = new Set(['image', 'voice', 'video', 'mpvideo']);
const OTHER_MESSAGES = new Set(['music', 'news', 'mpnews', 'mpnewsarticle', 'msgmenu', 'wxcard', 'miniprogrampage']);

type Body = { touser?: unknown; msgtype?: unknown; text?: { content?: unknown }; [k: string]: unknown };

export function recordCustomMessage(ctx: SimContext, appId: string, raw: unknown): SentRecord {
  const body = (raw && typeof raw === 'object' ? raw : {}) as Body;
  if (typeof body.touser !== 'string' || body.touser === '') throw wxError(40003);
  const msgtype = typeof body.msgtype === 'string' ? body.msgtype : '';
  if (!MEDIA_MESSAGES.has(msgtype) && !OTHER_MESSAGES.has(msgtype) && msgtype !== 'text') throw wxError(40008);

  let text: string | undefined;
  let mediaId: string | undefined;
  if (msgtype === 'text') {
    const content = body.text?.content;
    if (typeof content !== 'string' || content === '') throw wxError(44004);
    if (Buffer.byteLength(content) > MAX_TEXT_BYTES) throw wxError(45002);
    text = content;
  } else if (MEDIA_MESSAGES.has(msgtype)) {
    const id = (body[msgtype] as { media_id?: unknown } | undefined)?.media_id;
    const media = typeof id === 'string' ? ctx.state.media.get(id) : undefined;
    if (!media || media.appId !== appId) throw wxError(40007);
    mediaId = media.mediaId;
  }

  const follower = checkCustomerService(ctx, appId, body.touser);
  follower.sentSinceInteraction += 1;
  const record: SentRecord = {
    seq: ctx.state.nextSeq(), appId, openId: body.touser, via: 'custom_send', msgtype, body, time: ctx.clock.now(),
    ...(text !== undefined ? { text } : {}), ...(mediaId ? { mediaId } : {}),
  };
  ctx.state.sent.push(record);
  return record;
}
