import { describe, expect, it } from 'vitest';
import { memoryCache } from '../shared/memory-cache';
import type { OutboundMessage } from '../types';
import { accepted, cloudError, fakeFetch, json } from '../whatsapp/fake-fetch';
import { whatsapp360ConfigSchema } from './config';
import { sendWhatsApp360Message } from './send';

const NOW = new Date('2026-03-10T12:00:00Z');
const config = whatsapp360ConfigSchema.parse({ apiKey: 'd360-key', apiBaseUrl: 'https://waba-sandbox.360dialog.io' });
const ctx = (fetchImpl: typeof fetch, lastInboundAt: Date | null = NOW) =>
  ({ config, contactExternalId: '4915112345678', reference: null, lastInboundAt, now: NOW, fetch: fetchImpl, fetchUntrusted: fetchImpl, cache: memoryCache() });
const msg = (m: Partial<OutboundMessage>): OutboundMessage => ({ metadata: 'm', ...m });

describe('sendWhatsApp360Message', () => {
  it('POSTs the Cloud body to {apiBaseUrl}/messages with D360-API-KEY (no Bearer token)', async () => {
    const api = fakeFetch(() => accepted('wamid.D360_1', '4915112345678'));
    expect(await sendWhatsApp360Message(ctx(api.fetch), msg({ text: 'Hallo', replyToExternalId: 'wamid.IN' }))).toEqual({ externalId: 'wamid.D360_1' });
    const [req] = api.requests;
    expect(req.url.toString()).toBe('https://waba-sandbox.360dialog.io/messages');
    expect(req.headers.get('d360-api-key')).toBe('d360-key');
    expect(req.headers.get('authorization')).toBeNull();
    expect(req.body).toEqual({
      messaging_product: 'whatsapp', recipient_type: 'individual', to: '4915112345678',
      context: { message_id: 'wamid.IN' }, type: 'text', text: { preview_url: false, body: 'Hallo' },
    });
  });

  it('sends media by link and templates like the Cloud API', async () => {
    const api = fakeFetch(() => accepted());
    await sendWhatsApp360Message(ctx(api.fetch), msg({ attachments: [{ kind: 'file', url: 'https://cdn.test/a.pdf', name: 'a.pdf' }] }));
    await sendWhatsApp360Message(ctx(api.fetch, null), msg({ template: { name: 'order_update', language: 'de', parameters: ['Ana'] } }));
    expect(api.requests.map((r) => r.body)).toMatchObject([
      { type: 'document', document: { link: 'https://cdn.test/a.pdf', filename: 'a.pdf' } },
      { type: 'template', template: { name: 'order_update', language: { code: 'de' }, components: [{ type: 'body', parameters: [{ type: 'text', text: 'Ana' }] }] } },
    ]);
  });

  it('window closed → no call for free-form', async () => {
    const api = fakeFetch(() => accepted());
    await expect(sendWhatsApp360Message(ctx(api.fetch, new Date(NOW.getTime() - 25 * 3600_000)), msg({ text: 'late' }))).rejects.toMatchObject({ kind: 'window_closed' });
    expect(api.requests).toEqual([]);
  });

  it('maps Meta error codes passed through 360dialog, and a refused key', async () => {
    await expect(sendWhatsApp360Message(ctx(fakeFetch(() => cloudError(131056)).fetch), msg({ text: 'x' }))).rejects.toMatchObject({ kind: 'rate_limited', retryAfterSeconds: 6 });
    const refused = json({ meta: { success: false, http_code: 401, developer_message: 'Invalid api key' } }, 401);
    const err = await sendWhatsApp360Message(ctx(fakeFetch(() => refused).fetch), msg({ text: 'x' })).catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'auth', retryable: false, message: expect.stringContaining('360dialog refused the credentials') });
    const down = await sendWhatsApp360Message(ctx((() => Promise.reject(new TypeError('fetch failed'))) as typeof fetch), msg({ text: 'x' })).catch((e: unknown) => e);
    expect(down).toMatchObject({ kind: 'provider', retryable: true, message: expect.stringContaining('Could not reach 360dialog') });
  });
});
