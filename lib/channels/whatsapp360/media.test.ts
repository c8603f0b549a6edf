import { describe, expect, it } from 'vitest';
import { testDeps } from '../shared/memory-cache';
import { fakeFetch, json } from '../whatsapp/fake-fetch';
import { whatsapp360ConfigSchema } from './config';
import { fetchWhatsApp360Media } from './media';

const config = whatsapp360ConfigSchema.parse({ apiKey: 'd360-key' });
const LOOKASIDE = 'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1166846181421424&ext=1749416683&hash=ATs';

describe('fetchWhatsApp360Media', () => {
  it('looks the id up at 360dialog, then downloads the Meta URL through 360dialog’s host with the same key', async () => {
    const api = fakeFetch((req) => (req.url.pathname === '/1166846181421424'
      ? json({ url: LOOKASIDE, mime_type: 'video/mp4', id: '1166846181421424', messaging_product: 'whatsapp' })
      : new Response('bytes', { headers: { 'content-type': 'video/mp4' } })));
    const res = await fetchWhatsApp360Media(config, { kind: 'video', providerMediaId: '1166846181421424' }, testDeps({ fetch: api.fetch }));
    expect(await res.text()).toBe('bytes');
    expect(api.requests.map((r) => [r.url.toString(), r.headers.get('d360-api-key')])).toEqual([
      ['https://waba-v2.360dialog.io/1166846181421424', 'd360-key'],
      ['https://waba-v2.360dialog.io/whatsapp_business/attachments/?mid=1166846181421424&ext=1749416683&hash=ATs', 'd360-key'],
    ]);
    expect(api.requests.some((r) => r.url.hostname === 'lookaside.fbsbx.com')).toBe(false);
  });

  it('explains a refused key on the lookup', async () => {
    await expect(fetchWhatsApp360Media(config, { kind: 'image', providerMediaId: '1' }, testDeps({ fetch: fakeFetch(() => json({}, 401)).fetch })))
      .rejects.toMatchObject({ kind: 'auth', message: expect.stringContaining('360dialog refused the credentials') });
  });
});
