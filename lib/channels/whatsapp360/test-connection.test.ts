import { describe, expect, it } from 'vitest';
import { fakeFetch, json } from '../whatsapp/fake-fetch';
import { whatsapp360ConfigSchema } from './config';
import { testWhatsApp360Connection } from './test-connection';

const config = whatsapp360ConfigSchema.parse({ apiKey: 'd360-key' });

describe('testWhatsApp360Connection', () => {
  it('reads the webhook config with the key and says where events go', async () => {
    const api = fakeFetch(() => json({ url: 'https://inbox.example.com/hook' }));
    expect(await testWhatsApp360Connection(config, api.fetch)).toEqual({
      ok: true, message: 'Connected to 360dialog; webhooks currently go to https://inbox.example.com/hook', details: { webhookUrl: 'https://inbox.example.com/hook' },
    });
    expect(api.requests[0].url.toString()).toBe('https://waba-v2.360dialog.io/v1/configs/webhook');
    expect(api.requests[0].headers.get('d360-api-key')).toBe('d360-key');
  });

  it('ok without a webhook yet, saying nothing will arrive', async () => {
    expect((await testWhatsApp360Connection(config, fakeFetch(() => json({})).fetch)).message).toContain('no webhook is registered yet');
  });

  it('explains a refused key, a wrong host and a network failure', async () => {
    expect(await testWhatsApp360Connection(config, fakeFetch(() => json({}, 401)).fetch)).toEqual({
      ok: false, message: '360dialog refused the API key: copy the key of this number from the 360dialog Hub again',
    });
    expect((await testWhatsApp360Connection(config, fakeFetch(() => new Response('', { status: 404 })).fetch)).message).toContain('is the API base URL right?');
    const down = (() => Promise.reject(new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED') }))) as typeof fetch;
    expect(await testWhatsApp360Connection(config, down)).toEqual({ ok: false, message: 'Could not reach waba-v2.360dialog.io: the connection was refused' });
  });
});
