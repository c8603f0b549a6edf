import { describe, expect, it } from 'vitest';
import { memoryCache } from '../shared/memory-cache';
import { ConnectorError, type OutboundMessage } from '../types';
import { telegramConfigSchema } from './config';
import { fakeBotApi, tgError, tgSent, TOKEN, type RecordedCall } from './fake-bot-api';
import { sendTelegramMessage } from './send';

const config = telegramConfigSchema.parse({ botToken: TOKEN, secretToken: 's' });
const GROUP = '-4012345678';

async function attempt(respond: (call: RecordedCall, index: number) => Response | Promise<Response>, message: Partial<OutboundMessage> = { text: 'hi' }, chat = GROUP) {
  const api = fakeBotApi(respond);
  const ctx = { config, contactExternalId: chat, reference: null, lastInboundAt: null, now: new Date(), fetch: api.fetch, fetchUntrusted: api.fetch, cache: memoryCache() };
  const outcome = await sendTelegramMessage(ctx, { metadata: 'm', ...message }).then((result) => ({ result }), (error: unknown) => ({ error }));
  return { ...outcome, calls: api.calls } as { result?: Awaited<ReturnType<typeof sendTelegramMessage>>; error?: ConnectorError; calls: RecordedCall[] };
}

describe('Bot API error mapping', () => {
  it.each([
    [429, 'Too Many Requests: retry after 5', { retry_after: 5 }, 'rate_limited', true],
    [403, 'Forbidden: bot was blocked by the user', undefined, 'invalid_recipient', false],
    [403, "Forbidden: bot can't initiate conversation with a user", undefined, 'invalid_recipient', false],
    [400, 'Bad Request: chat not found', undefined, 'invalid_request', false],
    [400, 'Bad Request: message is too long', undefined, 'invalid_request', false],
    [400, "Bad Request: can't parse entities: Unsupported start tag \"foo\" at byte offset 0", undefined, 'invalid_request', false],
    [400, 'Bad Request: wrong file identifier/HTTP URL specified', undefined, 'invalid_request', false],
    [401, 'Unauthorized', undefined, 'auth', false],
    [404, 'Not Found', undefined, 'provider', false],
    [409, 'Conflict: terminated by other getUpdates request', undefined, 'provider', false],
    [500, 'Internal Server Error', undefined, 'provider', true],
    [502, 'Bad Gateway', undefined, 'provider', true],
    [418, 'I am a teapot', undefined, 'provider', false],
  ] as const)('%s %s → %s (retryable %s)', async (code, description, parameters, kind, retryable) => {
    const { error, calls } = await attempt(() => tgError(code, description, parameters));
    expect(error).toBeInstanceOf(ConnectorError);
    expect(error).toMatchObject({ kind, retryable, code: String(code) });
    expect(calls).toHaveLength(1);
  });

  it('writes words for the agent and keeps Telegram’s description', async () => {
    expect((await attempt(() => tgError(401, 'Unauthorized'))).error!.message).toBe('The bot token was revoked or is wrong: paste the current token from @BotFather');
    const blocked = (await attempt(() => tgError(403, 'Forbidden: bot was blocked by the user'))).error!.message;
    expect(blocked).toMatch(/^The customer blocked the bot.*\(Telegram: "Forbidden: bot was blocked by the user"\)$/);
    expect((await attempt(() => tgError(400, 'Bad Request: chat not found'))).error!.message).toMatch(/does not know this chat/);
    expect((await attempt(() => tgError(400, 'Bad Request: message is too long'))).error!.message).toMatch(/longer than Telegram allows/);
    expect((await attempt(() => tgError(400, "Bad Request: can't parse entities: x"))).error!.message).toMatch(/could not parse the message formatting/);
    expect((await attempt(() => tgError(400, 'Bad Request: something new'))).error!.message).toBe('Telegram rejected the message: Bad Request: something new');
  });

  it('a 429 without parameters is still rate_limited, with no invented wait', async () => {
    const { error } = await attempt(() => tgError(429, 'Too Many Requests'));
    expect(error).toMatchObject({ kind: 'rate_limited', retryable: true });
    expect(error!.retryAfterSeconds).toBeUndefined();
  });

  it('an HTML 502 from a proxy → retryable provider; a 200 without a message id → not retryable', async () => {
    expect((await attempt(() => new Response('<html>502</html>', { status: 502 }))).error).toMatchObject({ kind: 'provider', retryable: true });
    expect((await attempt(() => Response.json({ ok: true, result: true }))).error).toMatchObject({ kind: 'provider', retryable: false, message: expect.stringMatching(/no message id/) });
  });

  it('network failure and timeout → retryable provider, never leaking the token', async () => {
    const refused = (await attempt(() => Promise.reject(new TypeError('fetch failed', { cause: new Error(`connect ECONNREFUSED for /bot${TOKEN}/sendMessage`) })))).error!;
    expect(refused).toMatchObject({ kind: 'provider', retryable: true });
    expect(refused.message).toMatch(/the connection was refused.*may not have reached Telegram/);
    expect(refused.message).not.toContain(TOKEN);
    const timedOut = (await attempt(() => Promise.reject(new DOMException('The operation was aborted due to timeout', 'TimeoutError')))).error!;
    expect(timedOut.message).toContain('timed out after 15 s');
  });
});

describe('group upgraded to a supergroup (400 with migrate_to_chat_id)', () => {
  const migrated = () => tgError(400, 'Bad Request: group chat was upgraded to a supergroup chat', { migrate_to_chat_id: -1001555666777 });

  it('re-sends once to the new chat id and reports it as contactExternalId', async () => {
    const { result, calls } = await attempt((call, i) => (i === 0 ? migrated() : tgSent(String(call.body.chat_id), 7)), { text: 'hi', replyToExternalId: `${GROUP}:91` });
    expect(calls.map((c) => c.body.chat_id)).toEqual([GROUP, '-1001555666777']);
    expect(calls[0].body.reply_parameters).toEqual({ message_id: 91, allow_sending_without_reply: true });
    // The quoted message lives in the old group.
    expect(calls[1].body).toEqual({ chat_id: '-1001555666777', text: 'hi' });
    expect(result).toEqual({ externalId: '-1001555666777:7', externalIds: ['-1001555666777:7'], contactExternalId: '-1001555666777' });
  });

  it('later parts of the same send go straight to the new chat', async () => {
    const { result, calls } = await attempt((call, i) => (i === 0 ? migrated() : tgSent(String(call.body.chat_id), 10 + i)), {
      text: 'x'.repeat(2000), attachments: [{ kind: 'image', url: 'https://cdn.test/a.png' }],
    });
    expect(calls.map((c) => [c.method, c.body.chat_id])).toEqual([
      ['sendMessage', GROUP], ['sendMessage', '-1001555666777'], ['sendPhoto', '-1001555666777'],
    ]);
    expect(result?.contactExternalId).toBe('-1001555666777');
  });

  it('retries only once: a second migration answer is an error', async () => {
    const { error, calls } = await attempt(() => migrated());
    expect(calls).toHaveLength(2);
    expect(error).toMatchObject({ kind: 'invalid_request', retryable: false });
  });
});

describe('multi-part sends', () => {
  it('a failure after the first part is not retryable (the first part already went out)', async () => {
    const { error } = await attempt((call, i) => (i === 0 ? tgSent(GROUP, 1) : tgError(429, 'Too Many Requests: retry after 3', { retry_after: 3 })), {
      text: 'x'.repeat(1100), attachments: [{ kind: 'image', url: 'https://cdn.test/a.png' }],
    });
    expect(error).toMatchObject({ kind: 'provider', retryable: false, code: '429', message: expect.stringMatching(/^Part 2 of 2 was not sent: Telegram is rate limiting/) });
  });
});
