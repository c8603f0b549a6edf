/**
 * Activities as the Connector POSTs them to a bot (PROTOCOLS.md 4c): Teams-shaped ids, 7-digit
 * fractional timestamps, `<at>Bot</at>` mention markup, value-only card submits, file download info.
 */
import { randomUUID } from 'node:crypto';
import { newEventId, newMessageId } from './ids';
import type { Bot, Conversation } from './types';

export type Activity = Record<string, unknown> & { type: string; id: string; serviceUrl: string; channelId: string };

/** Tenant of conversations of multi-tenant bots (single-tenant bots live in their own). */
export const SIM_TENANT = '5b7e2f0c-0d3c-4a51-9a41-6f2d1e0b9c77';
export const TEAMS_FILE_DOWNLOAD_INFO = 'application/vnd.microsoft.teams.file.download.info';

/** `2026-03-10T12:00:00.1230000Z`: .NET writes ticks, 7 fractional digits. */
const ticks = (d: Date) => d.toISOString().replace(/\.(\d{3})Z$/, '.$10000Z');
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export const botAccountId = (bot: Bot, channelId: string) => (channelId === 'msteams' ? `28:${bot.appId}` : `${bot.name.replace(/\W+/g, '').toLowerCase() || 'bot'}@${bot.appId.slice(0, 8)}`);
export const tenantOf = (bot: Bot) => (/^[0-9a-f-]{36}$/i.test(bot.tenantId) ? bot.tenantId : SIM_TENANT);

export function baseActivity(type: string, bot: Bot, conv: Conversation, serviceUrl: string, id = type === 'message' || type === 'messageReaction' ? newMessageId() : newEventId()): Activity {
  const now = new Date();
  const tenantId = tenantOf(bot);
  return {
    type, id, timestamp: ticks(now), localTimestamp: ticks(now).replace('Z', '+00:00'),
    serviceUrl, channelId: conv.channelId,
    from: { id: conv.user.id, name: conv.user.name, aadObjectId: conv.user.aadObjectId },
    conversation: { id: conv.id, conversationType: conv.type, tenantId, ...(conv.type === 'personal' ? {} : { isGroup: true }) },
    recipient: { id: botAccountId(bot, conv.channelId), name: bot.name },
    locale: 'en-US',
    channelData: { tenant: { id: tenantId } },
  };
}

export interface MessageContent {
  text?: string;
  /** Prefix the text with an @mention of the bot; 'escaped' sends the markup HTML-escaped. */
  mention?: boolean | 'escaped';
  /** An Adaptive Card Action.Submit: `value` and no text. */
  cardSubmit?: Record<string, unknown>;
  attachment?: { kind: 'image' | 'file' | 'teams-file'; url: string; name?: string; contentType?: string };
  replyToId?: string;
}

export function messageActivity(activity: Activity, bot: Bot, m: MessageContent): Activity {
  const out: Activity = { ...activity, textFormat: 'plain', attachments: [] as unknown[], entities: [{ type: 'clientInfo', locale: 'en-US', platform: 'Web' }] };
  const attachments = out.attachments as unknown[];
  if (m.text !== undefined) {
    if (m.mention) {
      const markup = `<at>${bot.name}</at>`;
      out.text = `${m.mention === 'escaped' ? escapeHtml(markup) : markup} ${m.text}`;
      (out.entities as unknown[]).push({ type: 'mention', mentioned: { id: (activity.recipient as { id: string }).id, name: bot.name }, text: markup });
      // Teams also sends the formatted message as an inline text/html attachment.
      attachments.push({ contentType: 'text/html', content: `<div><span itemscope="" itemtype="http://schema.skype.com/Mention" itemid="0">${escapeHtml(bot.name)}</span> ${escapeHtml(m.text)}</div>` });
    } else {
      out.text = m.text;
    }
  }
  if (m.cardSubmit) out.value = m.cardSubmit;
  if (m.attachment) attachments.push(wireAttachment(m.attachment));
  if (m.replyToId) out.replyToId = m.replyToId;
  return out;
}

function wireAttachment(a: NonNullable<MessageContent['attachment']>) {
  const name = a.name ?? decodeURIComponent(new URL(a.url).pathname.split('/').pop() || 'file');
  if (a.kind === 'teams-file') {
    return {
      contentType: TEAMS_FILE_DOWNLOAD_INFO, contentUrl: a.url, name,
      content: { downloadUrl: `${a.url}${a.url.includes('?') ? '&' : '?'}download=1&tempauth=sim`, uniqueId: randomUUID(), fileType: name.split('.').pop() ?? '' },
    };
  }
  return { contentType: a.contentType ?? (a.kind === 'image' ? 'image/png' : 'application/octet-stream'), contentUrl: a.url, name };
}
