import { createHash } from 'node:crypto';
import { MalformedPayloadError, type NormalizedEvent } from '../types';
import { decodeActivity, parseActivityTime } from './activity';
import { mapActivity } from './map-activity';

/**
 * One POST = one Activity (no batches). Dedupe key `${channelId}:${conversation.id}:${activity.id}`
 * (PROTOCOLS.md 4d); an activity without an id (rare: some events) is keyed by a hash of its
 * bytes, which a redelivery repeats.
 */
export function parseBotFrameworkActivity(rawBody: Buffer): NormalizedEvent[] {
  const activity = decodeActivity(rawBody);
  const timestamp = parseActivityTime(activity.timestamp) ?? parseActivityTime(activity.localTimestamp);
  if (!timestamp) throw new MalformedPayloadError(`Bot Framework activity without a valid timestamp (${JSON.stringify(activity.timestamp ?? null)})`);
  const id = activity.id || `sha256-${createHash('sha256').update(rawBody).digest('hex').slice(0, 32)}`;
  const dedupeKey = `${activity.channelId}:${activity.conversation.id}:${id}`;
  return mapActivity(activity, { dedupeKey, timestamp });
}
