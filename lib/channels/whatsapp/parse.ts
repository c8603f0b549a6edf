import { createHash } from 'node:crypto';
import { MalformedPayloadError, type NormalizedEvent } from '../types';
import { humanReason } from './error-reasons';
import { mapMessage } from './map-message';
import { mapStatus } from './map-status';
import { envelopeSchema, errorSchema, messageSchema, statusSchema, valueSchema } from './schemas';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface CloudParseOptions {
  /** Keep only values for this number (Cloud API: one app webhook serves every number of the WABA). */
  phoneNumberId?: string;
  /** Keep only non-"messages" fields (template updates…) of this WABA. */
  wabaId?: string;
}

type Issues = { issues: { path: PropertyKey[]; message: string }[] };
const issuesOf = (e: Issues) => e.issues.map((i) => `${i.path.map(String).join('.') || '(root)'}: ${i.message}`).join('; ');

function validate<T>(schema: { safeParse(x: unknown): { success: true; data: T } | { success: false; error: Issues } }, raw: unknown, where: string): T {
  const result = schema.safeParse(raw);
  if (!result.success) throw new MalformedPayloadError(`Malformed WhatsApp webhook at ${where}: ${issuesOf(result.error)}`);
  return result.data;
}

function readJson(rawBody: Buffer): unknown {
  try {
    return JSON.parse(utf8.decode(rawBody));
  } catch {
    throw new MalformedPayloadError('WhatsApp webhook body is not UTF-8 JSON');
  }
}

/** Redeliveries repeat the same bytes, so a hash of the item is a stable key for things without ids. */
const digest = (value: unknown) => createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 32);

/**
 * Cloud API envelope (Meta direct, and 360dialog Cloud which forwards it): every entry, every
 * change, every message and status of every value. Values of other numbers are neither returned
 * nor judged. One malformed item of ours fails the whole POST (400): the provider retries the
 * identical batch, so nothing is half-stored and unknown shapes show up as failures.
 */
export function parseCloudWebhook(rawBody: Buffer, options: CloudParseOptions = {}): NormalizedEvent[] {
  const json = readJson(rawBody);
  const obj = json as { object?: unknown; messages?: unknown; statuses?: unknown } | null;
  if (obj && typeof obj === 'object' && obj.object === undefined && (obj.messages || obj.statuses)) {
    throw new MalformedPayloadError('This is an On-Premise WhatsApp webhook (no object/entry wrapper); only the Cloud API format is supported');
  }
  const envelope = validate(envelopeSchema, json, '(envelope)');
  const events: NormalizedEvent[] = [];

  envelope.entry.forEach((entry, e) => {
    entry.changes.forEach((change, c) => {
      const where = `entry[${e}].changes[${c}]`;
      if (change.field !== 'messages') {
        if (options.wabaId && entry.id !== options.wabaId) return;
        // Template status updates, account alerts, business-app echoes…: stored, not modelled.
        const seconds = typeof entry.time === 'number' ? entry.time : undefined;
        events.push({
          type: 'unsupported', dedupeKey: `${change.field}:${digest(change.value)}`,
          timestamp: seconds === undefined ? new Date() : new Date(seconds * 1000),
          description: `WhatsApp "${change.field}" webhook (not handled)`,
        });
        return;
      }
      const loose = change.value as { metadata?: { phone_number_id?: unknown } } | null;
      if (options.phoneNumberId && loose?.metadata?.phone_number_id !== options.phoneNumberId) return;
      const value = validate(valueSchema, change.value, `${where}.value`);

      (value.messages ?? []).forEach((raw, m) => {
        events.push(mapMessage(validate(messageSchema, raw, `${where}.value.messages[${m}]`), value.contacts));
      });
      (value.statuses ?? []).forEach((raw, s) => {
        events.push(mapStatus(validate(statusSchema, raw, `${where}.value.statuses[${s}]`)));
      });
      (value.errors ?? []).forEach((raw) => {
        const error = validate(errorSchema, raw, `${where}.value.errors`);
        events.push({
          type: 'unsupported', dedupeKey: `error:${digest(raw)}`, timestamp: new Date(),
          description: `WhatsApp reported a problem with number ${value.metadata.phone_number_id}: ${humanReason(error)}`,
        });
      });
    });
  });
  return events;
}
