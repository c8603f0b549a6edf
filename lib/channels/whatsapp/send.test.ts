import { describe, expect, it } from 'vitest';
import { memoryCache } from '../shared/memory-cache';
import type { OutboundMessage, SendContext } from '../types';
import { whatsappConfigSchema, type WhatsAppConfig } from './config';
import { accepted, cloudError, fakeFetch } from './fake-fetch';
import { sendWhatsAppMessage } from './send';

const NOW = new Date('2026-03-10T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000);
const config = whatsappConfigSchema.parse({
  phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAtoken', appSecret: 's', apiBaseUrl: 'http://graph.test/sim/',
});
const TO = '16505551234';
const ctxWith = (fetchImpl: typeof fetch, lastInboundAt: Date | null = hoursAgo(1), to = TO): SendContext<WhatsAppConfig> =>
  ({ config, contactExternalId: to, reference: null, lastInboundAt, now: NOW, fetch: fetchImpl, fetchUntrusted: fetchImpl, cache: memoryCache() });
const msg = (m: Partial<OutboundMessage>): OutboundMessage => ({ metadata: 'msg_1', ...m });
const envelope = { messaging_product: 'whatsapp', recipient_type: 'individual', to: TO };

describe('sendWhatsAppMessage: request shapes', () => {
  it('text: POST {base}/{version}/{phoneNumberId}/messages with Bearer token, JSON and a timeout', async () => {
    const api = fakeFetch(() => accepted('wamid.OK1'));
    expect(await sendWhatsAppMessage(ctxWith(api.fetch), msg({ text: 'Hi there' }))).toEqual({ externalId: 'wamid.OK1' });
    const [req] = api.requests;
    expect(req.method).toBe('POST');
    expect(req.url.toString()).toBe('http://graph.test/sim/v23.0/106540352242922/messages');
    expect(req.headers.get('authorization')).toBe('Bearer EAAtoken');
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(req.url.search).toBe('');
    expect(req.body).toEqual({ ...envelope, type: 'text', text: { preview_url: false, body: 'Hi there' } });
    expect(req.signal).toBeInstanceOf(AbortSignal);
  });

  it('text with a link asks for a preview; phone numbers go out as the exact string', async () => {
    const api = fakeFetch(() => accepted());
    await sendWhatsAppMessage(ctxWith(api.fetch, hoursAgo(1), '4915112345678'), msg({ text: 'See https://example.com' }));
    expect(api.requests[0].body).toMatchObject({ to: '4915112345678', text: { preview_url: true } });
  });

  it('media by link: image with the text as caption, then document with filename, audio, video, sticker', async () => {
    const api = fakeFetch((_r, i) => accepted(`wamid.P${i}`));
    const result = await sendWhatsAppMessage(ctxWith(api.fetch), msg({
      text: 'Your files',
      attachments: [
        { kind: 'image', url: 'https://cdn.test/a.png' },
        { kind: 'file', url: 'https://cdn.test/b.pdf', name: 'b.pdf' },
        { kind: 'audio', url: 'https://cdn.test/c.ogg' },
        { kind: 'video', url: 'https://cdn.test/d.mp4' },
        { kind: 'sticker', url: 'https://cdn.test/e.webp' },
      ],
    }));
    expect(result).toEqual({ externalId: 'wamid.P0', externalIds: ['wamid.P0', 'wamid.P1', 'wamid.P2', 'wamid.P3', 'wamid.P4'] });
    expect(api.requests.map((r) => r.body)).toEqual([
      { ...envelope, type: 'image', image: { link: 'https://cdn.test/a.png', caption: 'Your files' } },
      { ...envelope, type: 'document', document: { link: 'https://cdn.test/b.pdf', filename: 'b.pdf' } },
      { ...envelope, type: 'audio', audio: { link: 'https://cdn.test/c.ogg' } },
      { ...envelope, type: 'video', video: { link: 'https://cdn.test/d.mp4' } },
      { ...envelope, type: 'sticker', sticker: { link: 'https://cdn.test/e.webp' } },
    ]);
  });

  it('text goes first on its own when the first attachment takes no caption or the text is too long for one', async () => {
    const api = fakeFetch(() => accepted());
    await sendWhatsAppMessage(ctxWith(api.fetch), msg({ text: 'Listen', attachments: [{ kind: 'audio', url: 'https://cdn.test/c.ogg' }] }));
    await sendWhatsAppMessage(ctxWith(api.fetch), msg({ text: 'x'.repeat(1025), attachments: [{ kind: 'image', url: 'https://cdn.test/a.png' }] }));
    expect(api.requests.map((r) => (r.body as { type: string }).type)).toEqual(['text', 'audio', 'text', 'image']);
    expect(api.requests[3].body).toMatchObject({ image: { link: 'https://cdn.test/a.png' } });
    expect((api.requests[3].body as { image: object }).image).not.toHaveProperty('caption');
  });

  it('template: name, language code and body parameters', async () => {
    const api = fakeFetch(() => accepted());
    await sendWhatsAppMessage(ctxWith(api.fetch), msg({ template: { name: 'order_update', language: 'en_US', parameters: ['Ana', '#42'] } }));
    await sendWhatsAppMessage(ctxWith(api.fetch), msg({ template: { name: 'hello_world', language: 'en_US', parameters: [] } }));
    expect(api.requests.map((r) => r.body)).toEqual([
      { ...envelope, type: 'template', template: { name: 'order_update', language: { code: 'en_US' }, components: [
        { type: 'body', parameters: [{ type: 'text', text: 'Ana' }, { type: 'text', text: '#42' }] },
      ] } },
      { ...envelope, type: 'template', template: { name: 'hello_world', language: { code: 'en_US' } } },
    ]);
  });

  it('reply-to: context.message_id on the first part only', async () => {
    const api = fakeFetch(() => accepted());
    await sendWhatsAppMessage(ctxWith(api.fetch), msg({ text: 'Yes', replyToExternalId: 'wamid.IN_1', attachments: [{ kind: 'audio', url: 'https://cdn.test/c.ogg' }] }));
    expect(api.requests[0].body).toMatchObject({ context: { message_id: 'wamid.IN_1' }, type: 'text' });
    expect(api.requests[1].body).not.toHaveProperty('context');
  });

  it('a BSUID-only customer is addressed with `recipient` instead of `to`', async () => {
    const api = fakeFetch(() => accepted());
    await sendWhatsAppMessage(ctxWith(api.fetch, hoursAgo(1), 'US.13491208655302741918'), msg({ text: 'Hi' }));
    expect(api.requests[0].body).toMatchObject({ recipient: 'US.13491208655302741918' });
    expect(api.requests[0].body).not.toHaveProperty('to');
  });

  it('refuses, without a call, what WhatsApp would reject: empty, too long, template mixed with text', async () => {
    const api = fakeFetch(() => accepted());
    await expect(sendWhatsAppMessage(ctxWith(api.fetch), msg({ text: '  ' }))).rejects.toMatchObject({ kind: 'invalid_request' });
    await expect(sendWhatsAppMessage(ctxWith(api.fetch), msg({ text: 'x'.repeat(4097) }))).rejects.toMatchObject({ kind: 'invalid_request', message: expect.stringContaining('4096') });
    await expect(sendWhatsAppMessage(ctxWith(api.fetch), msg({ text: 'hi', template: { name: 't', language: 'en', parameters: [] } }))).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(api.requests).toEqual([]);
  });
});

describe('sendWhatsAppMessage: the 24 h window', () => {
  it('outside the window a free-form message throws window_closed without any HTTP call', async () => {
    const api = fakeFetch(() => accepted());
    for (const last of [hoursAgo(24), hoursAgo(200), null]) {
      const err = await sendWhatsAppMessage(ctxWith(api.fetch, last), msg({ text: 'late' })).catch((e: unknown) => e);
      expect(err).toMatchObject({ kind: 'window_closed', retryable: false });
    }
    expect(api.requests).toEqual([]);
  });

  it('templates are always allowed, even to a customer who never wrote', async () => {
    const api = fakeFetch(() => accepted('wamid.T1'));
    const result = await sendWhatsAppMessage(ctxWith(api.fetch, null), msg({ template: { name: 'hello_world', language: 'en_US', parameters: [] } }));
    expect(result.externalId).toBe('wamid.T1');
  });
});

describe('sendWhatsAppMessage: partial failures and odd answers', () => {
  it('a later part failing is not retried automatically (earlier parts went out)', async () => {
    const api = fakeFetch((_r, i) => (i === 0 ? accepted() : cloudError(131000, 500)));
    const err = await sendWhatsAppMessage(ctxWith(api.fetch), msg({ text: 'a', attachments: [{ kind: 'audio', url: 'https://cdn.test/c.ogg' }] })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'provider', retryable: false, code: '131000', message: expect.stringMatching(/^Part 2 of 2 was not sent/) });
  });

  it('200 without messages[0].id is a non-retryable provider error', async () => {
    const api = fakeFetch(() => new Response(JSON.stringify({ messaging_product: 'whatsapp' }), { status: 200 }));
    await expect(sendWhatsAppMessage(ctxWith(api.fetch), msg({ text: 'x' }))).rejects.toMatchObject({ kind: 'provider', retryable: false });
  });
});
