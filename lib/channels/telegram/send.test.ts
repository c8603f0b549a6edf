import { describe, expect, it } from 'vitest';
import { memoryCache } from '../shared/memory-cache';
import { ConnectorError, type OutboundMessage } from '../types';
import { telegramConfigSchema } from './config';
import { fakeBotApi, tgSent, TOKEN } from './fake-bot-api';
import { sendTelegramMessage } from './send';

const config = telegramConfigSchema.parse({ botToken: TOKEN, secretToken: 's', apiBaseUrl: 'https://tg.test/' });
const CHAT = '427770117';

async function sendWith(message: Omit<OutboundMessage, 'metadata'>, chat = CHAT) {
  let next = 100;
  const api = fakeBotApi((call) => tgSent(String(call.body.chat_id), next++));
  const ctx = { config, contactExternalId: chat, reference: { chatType: 'private' }, lastInboundAt: null, now: new Date(), fetch: api.fetch, fetchUntrusted: api.fetch, cache: memoryCache() };
  const result = await sendTelegramMessage(ctx, { ...message, metadata: 'msg_1' });
  return { result, calls: api.calls };
}

describe('sendTelegramMessage request shapes', () => {
  it('sendMessage {chat_id, text} as plain text: no parse_mode, markup characters sent verbatim', async () => {
    const text = 'Use <b>code</b> *SAVE10* _now_ 🎉 & more';
    const { result, calls } = await sendWith({ text });
    expect(calls).toHaveLength(1);
    expect(calls[0].url.toString()).toBe(`https://tg.test/bot${TOKEN}/sendMessage`);
    expect(calls[0].body).toEqual({ chat_id: CHAT, text });
    expect(calls[0].signal).toBeInstanceOf(AbortSignal);
    expect(result).toEqual({ externalId: `${CHAT}:100`, externalIds: [`${CHAT}:100`] });
  });

  it('reply_parameters for a message of the same chat, tolerating a deleted original', async () => {
    const { calls } = await sendWith({ text: 'yes', replyToExternalId: `${CHAT}:666` });
    expect(calls[0].body.reply_parameters).toEqual({ message_id: 666, allow_sending_without_reply: true });
    for (const other of ['999:666', 'cb:4382bfdwdsb323b2d9', 'm_abc', `${CHAT}:x`]) {
      expect((await sendWith({ text: 'yes', replyToExternalId: other })).calls[0].body).not.toHaveProperty('reply_parameters');
    }
  });

  it('negative group and supergroup chat ids are sent exactly', async () => {
    const { calls, result } = await sendWith({ text: 'hi' }, '-1001987654321');
    expect(calls[0].body.chat_id).toBe('-1001987654321');
    expect(result.externalId).toBe('-1001987654321:100');
  });

  it('image → sendPhoto with the text as caption when it fits (≤ 1024)', async () => {
    const { calls, result } = await sendWith({ text: 'Your label 📦', attachments: [{ kind: 'image', url: 'https://cdn.test/label.png' }], replyToExternalId: `${CHAT}:5` });
    expect(calls.map((c) => c.method)).toEqual(['sendPhoto']);
    expect(calls[0].body).toEqual({ chat_id: CHAT, photo: 'https://cdn.test/label.png', caption: 'Your label 📦', reply_parameters: { message_id: 5, allow_sending_without_reply: true } });
    expect(result.externalId).toBe(`${CHAT}:100`);
  });

  it('file → sendDocument; video and audio use their own methods; links go as text', async () => {
    const { calls, result } = await sendWith({ attachments: [
      { kind: 'file', url: 'https://cdn.test/invoice.pdf', name: 'invoice.pdf' },
      { kind: 'video', url: 'https://cdn.test/howto.mp4' },
      { kind: 'audio', url: 'https://cdn.test/msg.mp3' },
      { kind: 'link', url: 'https://acme.example/faq' },
    ] });
    expect(calls.map((c) => [c.method, c.body])).toEqual([
      ['sendDocument', { chat_id: CHAT, document: 'https://cdn.test/invoice.pdf' }],
      ['sendVideo', { chat_id: CHAT, video: 'https://cdn.test/howto.mp4' }],
      ['sendAudio', { chat_id: CHAT, audio: 'https://cdn.test/msg.mp3' }],
      ['sendMessage', { chat_id: CHAT, text: 'https://acme.example/faq' }],
    ]);
    expect(result.externalIds).toEqual([100, 101, 102, 103].map((id) => `${CHAT}:${id}`));
  });

  it('text over 1024 goes first as its own message, attachments follow without caption', async () => {
    const text = 'a'.repeat(1025);
    const { calls } = await sendWith({ text, attachments: [{ kind: 'image', url: 'https://cdn.test/a.png' }], replyToExternalId: `${CHAT}:5` });
    expect(calls.map((c) => c.method)).toEqual(['sendMessage', 'sendPhoto']);
    expect(calls[0].body).toMatchObject({ text, reply_parameters: { message_id: 5 } });
    expect(calls[1].body).toEqual({ chat_id: CHAT, photo: 'https://cdn.test/a.png' });
  });

  it('refuses before calling: over 4096 UTF-16 units, templates, nothing to send', async () => {
    const refuse = async (message: Omit<OutboundMessage, 'metadata'>) => {
      const api = fakeBotApi(() => tgSent(CHAT, 1));
      const ctx = { config, contactExternalId: CHAT, reference: null, lastInboundAt: null, now: new Date(), fetch: api.fetch, fetchUntrusted: api.fetch, cache: memoryCache() };
      const err = await sendTelegramMessage(ctx, { ...message, metadata: 'm' }).catch((e: unknown) => e);
      expect(api.calls).toHaveLength(0);
      expect(err).toBeInstanceOf(ConnectorError);
      return err as ConnectorError;
    };
    expect(await refuse({ text: 'x'.repeat(4097) })).toMatchObject({ kind: 'invalid_request', retryable: false, message: expect.stringContaining('4096') });
    // 2048 emoji = 4096 UTF-16 units: allowed; one more is over.
    expect(await refuse({ text: '😀'.repeat(2049) })).toMatchObject({ kind: 'invalid_request' });
    expect(await refuse({ template: { name: 't', language: 'en', parameters: [] } })).toMatchObject({ kind: 'invalid_request' });
    expect(await refuse({ text: '   ' })).toMatchObject({ kind: 'invalid_request' });
    const ok = await sendWith({ text: '😀'.repeat(2048) });
    expect(ok.calls).toHaveLength(1);
  });
});
