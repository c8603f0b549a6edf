import { z } from 'zod';
import { MalformedPayloadError } from '../types';

/**
 * The Bot Framework Activity as the Connector POSTs it (PROTOCOLS.md 4c, botframework-schema).
 * Loose objects: channels add fields all the time and we rely only on the ones named here.
 */
const id = z.string().min(1);
const account = z.looseObject({ id, name: z.string().nullish(), aadObjectId: z.string().nullish() });

export const attachmentSchema = z.looseObject({
  contentType: z.string(),
  contentUrl: z.string().nullish(),
  content: z.unknown().optional(),
  name: z.string().nullish(),
});
export type WireAttachment = z.infer<typeof attachmentSchema>;

export const mentionEntitySchema = z.looseObject({
  type: z.literal('mention'),
  mentioned: z.looseObject({ id: z.string(), name: z.string().nullish() }),
  text: z.string().nullish(),
});

export const activitySchema = z.looseObject({
  type: z.string().min(1),
  id: z.string().nullish(),
  timestamp: z.string().nullish(),
  localTimestamp: z.string().nullish(),
  serviceUrl: z.string().min(1),
  channelId: z.string().min(1),
  from: account,
  conversation: z.looseObject({
    id,
    conversationType: z.string().nullish(),
    tenantId: z.string().nullish(),
    isGroup: z.boolean().nullish(),
  }),
  recipient: account.nullish(),
  text: z.string().nullish(),
  textFormat: z.string().nullish(),
  attachments: z.array(attachmentSchema).nullish(),
  entities: z.array(z.looseObject({ type: z.string() })).nullish(),
  value: z.unknown().optional(),
  name: z.string().nullish(),
  action: z.string().nullish(),
  replyToId: z.string().nullish(),
  membersAdded: z.array(account).nullish(),
  membersRemoved: z.array(account).nullish(),
  reactionsAdded: z.array(z.looseObject({ type: z.string() })).nullish(),
  reactionsRemoved: z.array(z.looseObject({ type: z.string() })).nullish(),
  channelData: z.looseObject({ tenant: z.looseObject({ id: z.string() }).nullish() }).nullish(),
});
export type Activity = z.infer<typeof activitySchema>;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The JSON of a request body, or a MalformedPayloadError naming what is wrong. */
export function decodeJsonBody(rawBody: Buffer): unknown {
  try {
    return JSON.parse(utf8.decode(rawBody));
  } catch {
    throw new MalformedPayloadError('Bot Framework activity is not UTF-8 JSON');
  }
}

export function decodeActivity(rawBody: Buffer): Activity {
  const parsed = activitySchema.safeParse(decodeJsonBody(rawBody));
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new MalformedPayloadError(`Not a Bot Framework activity: ${issues}`);
  }
  return parsed.data;
}

/**
 * Activity timestamps are ISO-8601 with up to 7 fractional digits (.NET ticks), e.g.
 * `2017-02-01T21:10:07.4370000Z`. ECMAScript only defines 3 digits, so cut them to milliseconds
 * instead of relying on the engine's leniency. Returns null for anything unparseable.
 */
export function parseActivityTime(value: string | null | undefined): Date | null {
  if (!value) return null;
  const normalized = value.trim().replace(/(\.\d{3})\d+/, '$1').replace(/(T\d{2}:\d{2}:\d{2})\.(\d{1,2})(?!\d)/, (_, t: string, f: string) => `${t}.${f.padEnd(3, '0')}`);
  const ms = Date.parse(normalized);
  return Number.isNaN(ms) ? null : new Date(ms);
}
