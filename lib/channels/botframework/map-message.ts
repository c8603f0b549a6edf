import type { InboundMessageEvent } from '../types';
import type { Activity } from './activity';
import { mapAttachments } from './attachments';
import { botMentionNames, cleanMentions } from './mentions';
import { referenceOf } from './reference';

const MAX_SUMMARY = 500;

/**
 * A `message` activity → one inbound message. The customer is the conversation (externalId =
 * conversation.id, PROTOCOLS.md 7); `reference` carries what a reply needs (serviceUrl...).
 */
export function mapMessage(activity: Activity, base: { dedupeKey: string; timestamp: Date }): InboundMessageEvent {
  const botNames = botMentionNames(activity.recipient?.id, activity.recipient?.name, activity.entities);
  const text = activity.text ? cleanMentions(activity.text, botNames) : '';
  const { attachments, cards } = mapAttachments(activity.attachments);
  const value = activity.value;
  const submitted = value !== undefined && value !== null;

  // Card submits carry `value` and no text; card-only messages have neither: both would be
  // dropped as empty by a naive importer, so they get a readable text.
  let shown = text;
  if (!shown && submitted) shown = `Submitted a card: ${summarize(value)}`;
  if (!shown && attachments.length === 0 && cards.length > 0) shown = `[${cards.join(', ')}]`;

  const externalId = activity.id || base.dedupeKey;
  return {
    type: 'message',
    externalId,
    dedupeKey: base.dedupeKey,
    timestamp: base.timestamp,
    contact: { externalId: activity.conversation.id, ...(activity.from.name ? { name: activity.from.name } : {}) },
    attachments,
    ...(shown ? { text: shown } : {}),
    ...(submitted ? { postback: { payload: JSON.stringify(value), ...(text ? { title: text } : {}) } } : {}),
    ...(activity.replyToId ? { replyToExternalId: activity.replyToId } : {}),
    reference: { ...referenceOf(activity, { replyTo: true }) },
  };
}

/** `{"action":"approve","comment":"ok"}` → `action: approve, comment: ok` (capped). */
function summarize(value: unknown): string {
  let text: string;
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    text = entries.length === 0 ? '(no fields)' : entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
  } else {
    text = typeof value === 'string' ? value : JSON.stringify(value);
  }
  return text.length > MAX_SUMMARY ? `${text.slice(0, MAX_SUMMARY - 1)}…` : text;
}
