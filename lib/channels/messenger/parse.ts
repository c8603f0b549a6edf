import { MalformedPayloadError, type NormalizedEvent } from '../types';
import { mapEvent } from './map-event';
import { envelopeSchema, eventSchema } from './schemas';

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * JSON.parse that keeps `app_id` (a JSON number in echoes) as its exact source digits, so a
 * large id can never be rounded by a double. Uses the JSON.parse source-text access of Node ≥ 21.
 */
function parseJson(text: string): unknown {
  return JSON.parse(text, (key, value: unknown, context?: { source?: string }) =>
    key === 'app_id' && typeof value === 'number' && context?.source ? context.source : value,
  );
}

function issuesOf(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * Every entry, and every event of both `messaging[]` and `standby[]`, for our Page only: entries
 * of other Pages in the same batch belong to other inboxes and are neither returned nor judged.
 *
 * Choice: one malformed event of ours makes the whole request malformed (400). Meta then retries
 * the identical batch, so nothing is half-stored, and a shape we do not understand shows up as
 * failures to investigate rather than as silently dropped messages.
 */
export function parseMessengerWebhook(rawBody: Buffer, pageId: string): NormalizedEvent[] {
  let json: unknown;
  try {
    json = parseJson(utf8.decode(rawBody));
  } catch {
    throw new MalformedPayloadError('Messenger webhook body is not UTF-8 JSON');
  }
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) {
    throw new MalformedPayloadError(`Not a Messenger page webhook: ${issuesOf(envelope.error)}`);
  }

  const events: NormalizedEvent[] = [];
  envelope.data.entry.forEach((entry, entryIndex) => {
    if (entry.id !== pageId) return;
    for (const [list, items] of [['messaging', entry.messaging], ['standby', entry.standby]] as const) {
      (items ?? []).forEach((raw, eventIndex) => {
        const event = eventSchema.safeParse(raw);
        if (!event.success) {
          const where = `entry[${entryIndex}].${list}[${eventIndex}]`;
          throw new MalformedPayloadError(`Malformed Messenger event at ${where}: ${issuesOf(event.error)}`);
        }
        events.push(mapEvent(event.data, raw, entry.time));
      });
    }
  });
  return events;
}
