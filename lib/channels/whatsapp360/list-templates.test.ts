import { describe, expect, it } from 'vitest';
import { memoryCache, testDeps } from '../shared/memory-cache';
import { fakeFetch, json } from '../whatsapp/fake-fetch';
import { whatsapp360ConfigSchema } from './config';
import { listWhatsApp360Templates } from './list-templates';

const config = whatsapp360ConfigSchema.parse({ apiKey: 'd360-key' });
const LIST = {
  count: 1, filters: {}, limit: 1000, offset: 0, sort: ['id'], total: 1,
  waba_templates: [{ category: 'MARKETING', components: [{ type: 'BODY', text: 'Hi {{1}}, 20% off until {{2}}' }], language: 'en', name: 'spring_sale', namespace: 'ns', rejected_reason: 'NONE', status: 'approved' }],
};

describe('listWhatsApp360Templates', () => {
  it('GETs /v1/configs/templates with the key and maps waba_templates', async () => {
    const api = fakeFetch(() => json(LIST));
    expect(await listWhatsApp360Templates(config, testDeps({ fetch: api.fetch }))).toEqual([
      { name: 'spring_sale', language: 'en', category: 'MARKETING', status: 'APPROVED', body: 'Hi {{1}}, 20% off until {{2}}', parameterCount: 2 },
    ]);
    expect(api.requests[0].url.toString()).toBe('https://waba-v2.360dialog.io/v1/configs/templates');
    expect(api.requests[0].headers.get('d360-api-key')).toBe('d360-key');
  });

  it('caches per account without putting the key in the cache key', async () => {
    const cache = memoryCache();
    const api = fakeFetch(() => json(LIST));
    await listWhatsApp360Templates(config, testDeps({ fetch: api.fetch, cache }));
    await listWhatsApp360Templates(config, testDeps({ fetch: api.fetch, cache }));
    expect(api.requests).toHaveLength(1);
    const other = whatsapp360ConfigSchema.parse({ apiKey: 'other-key' });
    await listWhatsApp360Templates(other, testDeps({ fetch: api.fetch, cache }));
    expect(api.requests).toHaveLength(2);
  });

  it('401 → auth error', async () => {
    await expect(listWhatsApp360Templates(config, testDeps({ fetch: fakeFetch(() => json({}, 401)).fetch }))).rejects.toMatchObject({ kind: 'auth' });
  });
});
