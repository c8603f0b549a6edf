import { MalformedPayloadError, type NormalizedEvent } from '../types';
import { mapUpdate } from './map-update';
import { parseTelegramJson } from './json';
import { updateSchema } from './schemas';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * One webhook POST = one Update. It carries update_id and exactly one update field
 * (message, edited_message, callback_query, my_chat_member...). The dedupe key is the
 * update_id: unique per bot, and one inbox is one bot.
 */
export function parseTelegramUpdate(rawBody: Buffer): NormalizedEvent[] {
  let json: unknown;
  try {
    json = parseTelegramJson(utf8.decode(rawBody));
  } catch {
    throw new MalformedPayloadError('Telegram webhook body is not UTF-8 JSON');
  }
  const envelope = updateSchema.safeParse(json);
  if (!envelope.success) throw new MalformedPayloadError('Not a Telegram Update: it needs an integer update_id');
  const kinds = Object.keys(envelope.data).filter((key) => key !== 'update_id');
  if (kinds.length !== 1) {
    throw new MalformedPayloadError(`A Telegram Update carries exactly one update field, this one has ${kinds.length}: ${kinds.join(', ') || 'none'}`);
  }
  const [kind] = kinds;
  return [mapUpdate(kind, envelope.data[kind], `update:${envelope.data.update_id}`)];
}
