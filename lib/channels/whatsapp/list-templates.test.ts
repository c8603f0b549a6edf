import { describe, expect, it } from 'vitest';
import { memoryCache, testDeps } from '../shared/memory-cache';
import { whatsappConfigSchema } from './config';
import { cloudError, fakeFetch, json } from './fake-fetch';
import { listWhatsAppTemplates } from './list-templates';
import { countParameters, mapTemplates } from './templates';

const config = whatsappConfigSchema.parse({ phoneNumberId: '1', wabaId: '102290129340398', accessToken: 'EAAtoken', appSecret: 's', apiBaseUrl: 'http://graph.test' });
const ORDER_UPDATE = {
  name: 'order_update', language: 'en_US', category: 'UTILITY', status: 'APPROVED', id: '594425479261596',
  components: [{ type: 'HEADER', format: 'TEXT', text: 'Order news' }, { type: 'BODY', text: 'Hi {{1}}, order {{2}} shipped. Thanks, {{1}}!' }, { type: 'FOOTER', text: 'Acme' }],
};
const HELLO = { name: 'hello_world', language: 'en_US', category: 'UTILITY', status: 'APPROVED', components: [{ type: 'BODY', text: 'Hello World' }] };

describe('template parsing', () => {
  it('maps name, language, category, status, body text and the number of distinct parameters', () => {
    expect(mapTemplates([ORDER_UPDATE, HELLO, { bogus: true }])).toEqual([
      { name: 'order_update', language: 'en_US', category: 'UTILITY', status: 'APPROVED', body: 'Hi {{1}}, order {{2}} shipped. Thanks, {{1}}!', parameterCount: 2 },
      { name: 'hello_world', language: 'en_US', category: 'UTILITY', status: 'APPROVED', body: 'Hello World', parameterCount: 0 },
    ]);
  });

  it('counts positional and named placeholders; upper-cases 360dialog statuses', () => {
    expect(countParameters('{{1}} {{ 2 }} {{first_name}}')).toBe(3);
    expect(countParameters(undefined)).toBe(0);
    expect(mapTemplates([{ ...HELLO, status: 'approved', category: 'marketing' }])[0]).toMatchObject({ status: 'APPROVED', category: 'MARKETING' });
  });
});

describe('listWhatsAppTemplates', () => {
  it('GETs /{version}/{wabaId}/message_templates with the Bearer token and follows paging.next on the same host', async () => {
    const api = fakeFetch((_req, i) => (i === 0
      ? json({ data: [ORDER_UPDATE], paging: { cursors: { after: 'A' }, next: 'http://graph.test/v23.0/102290129340398/message_templates?after=A' } })
      : json({ data: [HELLO], paging: { cursors: { before: 'A' } } })));
    const templates = await listWhatsAppTemplates(config, testDeps({ fetch: api.fetch }));
    expect(templates.map((t) => t.name)).toEqual(['order_update', 'hello_world']);
    const first = api.requests[0];
    expect(`${first.url.origin}${first.url.pathname}`).toBe('http://graph.test/v23.0/102290129340398/message_templates');
    expect(first.url.searchParams.get('fields')).toBe('name,language,category,status,components');
    expect(api.requests.map((r) => r.headers.get('authorization'))).toEqual(['Bearer EAAtoken', 'Bearer EAAtoken']);
  });

  it('never sends the token to another host named in paging.next', async () => {
    const api = fakeFetch(() => json({ data: [HELLO], paging: { next: 'https://evil.test/steal' } }));
    await listWhatsAppTemplates(config, testDeps({ fetch: api.fetch }));
    expect(api.requests).toHaveLength(1);
  });

  it('caches the list for 10 minutes per WABA in the shared cache; errors are not cached', async () => {
    let clock = 0;
    const cache = memoryCache(() => clock);
    const api = fakeFetch((_r, i) => (i === 0 ? cloudError(190, 401) : json({ data: [HELLO] })));
    const deps = testDeps({ fetch: api.fetch, cache });
    await expect(listWhatsAppTemplates(config, deps)).rejects.toMatchObject({ kind: 'auth' });
    await listWhatsAppTemplates(config, deps);
    await listWhatsAppTemplates(config, deps);
    expect(api.requests).toHaveLength(2);
    expect(await cache.get('whatsapp:templates:102290129340398')).toContain('hello_world');
    clock += 601_000;
    await listWhatsAppTemplates(config, deps);
    expect(api.requests).toHaveLength(3);
  });
});
