/**
 * PROTOCOLS.md §5 "Edge cases people get wrong", each asserted against the connector.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { memoryCache } from '../shared/memory-cache';
import { ConnectorError } from '../types';
import { telegramConfigSchema } from './config';
import { entityText } from './entities';
import { fakeBotApi, tgError, tgSent, TOKEN } from './fake-bot-api';
import { parseTelegramUpdate } from './parse';
import { sendTelegramMessage } from './send';

const fixture = (name: string) => readFileSync(path.join(__dirname, 'fixtures', `${name}.json`));
const parse = (name: string) => parseTelegramUpdate(fixture(name))[0] as any;

describe('1. entity offsets are UTF-16 code units', () => {
  it('slices JS strings: right after emoji and astral characters, where code points or bytes go wrong', () => {
    const raw = JSON.parse(fixture('text-link').toString()).message;
    const [bold, link, mention] = raw.entities;
    expect(entityText(raw.text, bold)).toBe('Order 𝒳42');
    expect(entityText(raw.text, link)).toBe('track it here');
    expect(entityText(raw.text, mention)).toBe('@acme_help');
    // The wrong ways: by code point, or by UTF-8 byte.
    expect(Array.from(raw.text).slice(link.offset, link.offset + link.length).join('')).not.toBe('track it here');
    expect(Buffer.from(raw.text).subarray(link.offset, link.offset + link.length).toString()).not.toBe('track it here');
  });

  it('text_link URLs become link attachments titled with the exact linked words (escaped surrogates on the wire)', () => {
    expect(parse('text-link')).toMatchObject({
      text: '🎉 Order 𝒳42 is ready: track it here, or call @acme_help 🙂',
      attachments: [{ kind: 'link', url: 'https://acme.example/track/42', title: 'track it here' }],
    });
    // caption_entities count in the caption, which has an emoji and mathematical bold letters.
    expect(parse('photo').attachments[1]).toEqual({ kind: 'link', url: 'https://acme.example/claims/7', title: '𝐝𝐚𝐦𝐚𝐠𝐞 here' });
  });

  it('the bot_command of the PROTOCOLS sample sits at offset 6, after a two-unit emoji', () => {
    const raw = JSON.parse(fixture('text').toString()).message;
    expect(entityText(raw.text, raw.entities[0])).toBe('/start');
  });
});

describe('2. retry_after is honoured exactly and 403 is not retried', () => {
  const config = telegramConfigSchema.parse({ botToken: TOKEN, secretToken: 's' });
  const send = async (response: () => Response) => {
    const api = fakeBotApi(response);
    const ctx = { config, contactExternalId: '427770117', reference: null, lastInboundAt: null, now: new Date(), fetch: api.fetch, fetchUntrusted: api.fetch, cache: memoryCache() };
    const err = await sendTelegramMessage(ctx, { text: 'hi', metadata: 'm' }).catch((e: unknown) => e);
    return { err: err as ConnectorError, calls: api.calls };
  };

  it('429 → rate_limited with retryAfterSeconds = parameters.retry_after, one call only', async () => {
    const { err, calls } = await send(() => tgError(429, 'Too Many Requests: retry after 37', { retry_after: 37 }));
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err).toMatchObject({ kind: 'rate_limited', retryable: true, retryAfterSeconds: 37, code: '429' });
    expect(calls).toHaveLength(1);
  });

  it.each([
    'Forbidden: bot was blocked by the user',
    'Forbidden: user is deactivated',
    'Forbidden: bot was kicked from the group chat',
  ])('403 "%s" → invalid_recipient, not retryable', async (description) => {
    const { err, calls } = await send(() => tgError(403, description));
    expect(err).toMatchObject({ kind: 'invalid_recipient', retryable: false, code: '403' });
    expect(calls).toHaveLength(1);
  });
});

describe('3. edits and chat ids', () => {
  it('edited_message has the externalId of the original message (an edit, not a new message)', () => {
    const original = parse('text');
    const edit = parse('edited-message');
    expect(edit.type).toBe('edit');
    expect(edit.externalId).toBe(original.externalId);
    expect(edit.dedupeKey).not.toBe(original.dedupeKey);
  });

  it('in groups the contact is the chat (negative id), not the sender', () => {
    const event = parse('group-message');
    expect(event.contact).toEqual({ externalId: '-4012345678', name: 'Acme × Lima family' });
    expect(event.externalId).toBe('-4012345678:91');
    expect(event.reference).toEqual({ chatType: 'group' });
  });

  it('supergroups look like -100…, and message ids are only unique within that chat', () => {
    const event = parse('supergroup-message');
    expect(event.contact.externalId).toBe('-1001987654321');
    expect(event.externalId).toBe('-1001987654321:12045');
    expect(event.replyToExternalId).toBe('-1001987654321:12040');
    expect(event.reference).toEqual({ chatType: 'supergroup' });
  });

  it('a send result is keyed by the chat it landed in', async () => {
    const config = telegramConfigSchema.parse({ botToken: TOKEN, secretToken: 's' });
    const api = fakeBotApi(() => tgSent('-1001987654321', 12046));
    const ctx = { config, contactExternalId: '-1001987654321', reference: null, lastInboundAt: null, now: new Date(), fetch: api.fetch, fetchUntrusted: api.fetch, cache: memoryCache() };
    expect((await sendTelegramMessage(ctx, { text: 'on it', metadata: 'm' })).externalId).toBe('-1001987654321:12046');
  });
});
