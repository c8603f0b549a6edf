/**
 * The XML the platform pushes for each follower action (PROTOCOLS.md 3c): strings in CDATA, numbers
 * bare, MsgId as exact 19-digit text, events without MsgId. Media the follower sends is stored so
 * /cgi-bin/media/get can serve it by MediaId.
 */
import type { z } from 'zod';
import type { SimContext } from './context';
import type { followerSendSchema } from './control-schemas';
import { newMediaId, newMsgId } from './ids';
import { sampleMedia } from './media';
import type { Account } from './types';
import { toXml } from './xml';

export type FollowerAction = z.output<typeof followerSendSchema>;

export interface BuiltPush {
  xml: string;
  msgType: string;
  event?: string;
  msgId?: string;
  createTime: number;
  /** For the conversation view. */
  text?: string;
  summary: string;
  /** Opens the 48 h window and resets the reply count (message, click, scan, subscribe). */
  qualifies: boolean;
}

function storeSample(ctx: SimContext, appId: string, name: 'image.png' | 'voice.amr', type: string): string {
  const mediaId = newMediaId();
  const { bytes, type: contentType } = sampleMedia(name);
  ctx.state.media.set(mediaId, { mediaId, appId, type, filename: name, contentType, bytes, createdAt: ctx.clock.now() });
  return mediaId;
}

export function buildPush(ctx: SimContext, account: Account, openId: string, action: FollowerAction): BuiltPush {
  const createTime = ctx.clock.seconds();
  const head = (msgType: string): [string, string | number][] =>
    [['ToUserName', account.ghId], ['FromUserName', openId], ['CreateTime', createTime], ['MsgType', msgType]];
  const message = (msgType: string, fields: [string, string | number | undefined][], summary: string, text?: string): BuiltPush => {
    const msgId = newMsgId();
    return { xml: toXml([...head(msgType), ...fields, ['MsgId', msgId]]), msgType, msgId: String(msgId), createTime, summary, qualifies: true, ...(text !== undefined ? { text } : {}) };
  };
  const event = (name: string, fields: [string, string | number | undefined][], summary: string, qualifies: boolean): BuiltPush =>
    ({ xml: toXml([...head('event'), ['Event', name], ...fields]), msgType: 'event', event: name, createTime, summary, qualifies });

  switch (action.type) {
    case 'text':
      return message('text', [['Content', action.content]], action.content, action.content);
    case 'image': {
      const picUrl = action.picUrl ?? `${ctx.baseUrl()}/_sim/media/image.png`;
      return message('image', [['PicUrl', picUrl], ['MediaId', storeSample(ctx, account.appId, 'image.png', 'image')]], '[image]');
    }
    case 'voice':
      return message('voice', [['MediaId', storeSample(ctx, account.appId, 'voice.amr', 'voice')], ['Format', 'amr'], ['Recognition', action.recognition]], '[voice]', action.recognition);
    case 'location':
      return message('location', [['Location_X', action.latitude], ['Location_Y', action.longitude], ['Scale', action.scale], ['Label', action.label]], `[location] ${action.label || `${action.latitude},${action.longitude}`}`);
    case 'link':
      return message('link', [['Title', action.title], ['Description', action.description], ['Url', action.url]], `[link] ${action.title}`);
    case 'click':
      return event('CLICK', [['EventKey', action.eventKey]], `[menu click] ${action.eventKey}`, true);
    case 'scan':
      return event('SCAN', [['EventKey', action.eventKey], ['Ticket', `gQ${newMediaId().slice(0, 40)}`]], `[scanned QR code] ${action.eventKey}`, true);
    case 'subscribe': {
      const scene = action.qrScene ? [['EventKey', `qrscene_${action.qrScene}`], ['Ticket', `gQ${newMediaId().slice(0, 40)}`]] as [string, string][] : [['EventKey', '']] as [string, string][];
      return event('subscribe', scene, action.qrScene ? `[followed via QR code ${action.qrScene}]` : '[followed]', true);
    }
    case 'unsubscribe':
      return event('unsubscribe', [['EventKey', '']], '[unfollowed]', false);
    case 'location_report':
      return event('LOCATION', [['Latitude', action.latitude], ['Longitude', action.longitude], ['Precision', action.precision]], `[location report] ${action.latitude},${action.longitude}`, false);
  }
}
