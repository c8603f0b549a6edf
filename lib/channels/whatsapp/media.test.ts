import { describe, expect, it } from 'vitest';
import { testDeps } from '../shared/memory-cache';
import { whatsappConfigSchema } from './config';
import { cloudError, fakeFetch, json } from './fake-fetch';
import { fetchWhatsAppMedia } from './media';

const config = whatsappConfigSchema.parse({ phoneNumberId: '1', wabaId: '2', accessToken: 'EAAtoken', appSecret: 's', apiBaseUrl: 'http://graph.test' });
const CDN = 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=2754859441498128&ext=1749416683&hash=ATs';
const image = { kind: 'image' as const, providerMediaId: '2754859441498128' };

describe('fetchWhatsAppMedia', () => {
  it('resolves the id with the Bearer token, downloads the URL with it too, and returns the unread Response', async () => {
    const api = fakeFetch((req) =>
      req.url.hostname === 'graph.test'
        ? json({ url: CDN, mime_type: 'image/jpeg', sha256: 'x', file_size: 3, id: '2754859441498128', messaging_product: 'whatsapp' })
        : new Response(new Uint8Array([1, 2, 3]), { headers: { 'content-type': 'image/jpeg' } }));
    const res = await fetchWhatsAppMedia(config, image, testDeps({ fetch: api.fetch }));
    expect(api.requests.map((r) => [r.method, r.url.toString(), r.headers.get('authorization')])).toEqual([
      ['GET', 'http://graph.test/v23.0/2754859441498128', 'Bearer EAAtoken'],
      ['GET', CDN, 'Bearer EAAtoken'],
    ]);
    expect(res.bodyUsed).toBe(false);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([1, 2, 3]);
  });

  it('an attachment without a media id is refused without a call', async () => {
    const api = fakeFetch(() => json({}));
    await expect(fetchWhatsAppMedia(config, { kind: 'image' }, testDeps({ fetch: api.fetch }))).rejects.toMatchObject({ kind: 'invalid_request' });
    expect(api.requests).toEqual([]);
  });

  it('maps lookup errors by code (190 → auth) and explains download failures', async () => {
    await expect(fetchWhatsAppMedia(config, image, testDeps({ fetch: fakeFetch(() => cloudError(190, 401)).fetch }))).rejects.toMatchObject({ kind: 'auth' });
    const expired = fakeFetch((req) => (req.url.hostname === 'graph.test' ? json({ url: CDN }) : new Response('', { status: 404 })));
    await expect(fetchWhatsAppMedia(config, image, testDeps({ fetch: expired.fetch }))).rejects.toMatchObject({
      kind: 'provider', retryable: true, message: 'Could not download the media from WhatsApp: the media link expired or the media was deleted',
    });
    const refused = fakeFetch((req) => (req.url.hostname === 'graph.test' ? json({ url: CDN }) : new Response('', { status: 401 })));
    await expect(fetchWhatsAppMedia(config, image, testDeps({ fetch: refused.fetch }))).rejects.toMatchObject({ message: expect.stringContaining('credentials were refused') });
  });

  it('downloads the URL the lookup answered through the safe fetch: a link-local or private URL is refused for good', async () => {
    const { createSafeFetch } = await import('@/lib/net');
    const safe = createSafeFetch({ allowLoopback: false, maxBytes: 1024 * 1024, timeoutMs: 2000 });
    for (const url of ['http://169.254.169.254/latest/meta-data/', 'http://10.1.2.3/media']) {
      const api = fakeFetch(() => json({ url, mime_type: 'image/jpeg', id: '2754859441498128', messaging_product: 'whatsapp' }));
      const err = await fetchWhatsAppMedia(config, image, testDeps({ fetch: api.fetch, fetchUntrusted: safe })).catch((e: unknown) => e);
      expect(err, url).toMatchObject({ kind: 'provider', retryable: false, message: 'Could not fetch from WhatsApp: the link points to an address that is not on the public Internet' });
      expect(api.requests).toHaveLength(1); // only the lookup went through the provider fetch
    }
  });
});
