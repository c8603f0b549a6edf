import { describe, expect, it } from 'vitest';
import { testDeps } from '../shared/memory-cache';
import { fakeFetch, json } from '../whatsapp/fake-fetch';
import { whatsapp360ConfigSchema } from './config';
import { registerWhatsApp360Webhook } from './register-webhook';
import { webhookUrlProblem } from './webhook-url';

const config = whatsapp360ConfigSchema.parse({ apiKey: 'd360-key', webhookSecret: 'hook-secret' });
const URL_OK = 'https://inbox.example.com/api/webhooks/whatsapp360/inbox_1';

describe('registerWhatsApp360Webhook', () => {
  it('POSTs {url, headers:{Authorization: webhookSecret}} to /v1/configs/webhook with the API key', async () => {
    const api = fakeFetch(() => json({ url: URL_OK }));
    expect(await registerWhatsApp360Webhook(config, URL_OK, testDeps({ fetch: api.fetch }))).toEqual({
      ok: true, message: `Webhook registered with 360dialog: ${URL_OK}`, details: { webhookUrl: URL_OK },
    });
    const [req] = api.requests;
    expect([req.method, req.url.toString()]).toEqual(['POST', 'https://waba-v2.360dialog.io/v1/configs/webhook']);
    expect(req.headers.get('d360-api-key')).toBe('d360-key');
    expect(req.body).toEqual({ url: URL_OK, headers: { Authorization: 'hook-secret' } });
  });

  it('refuses, before calling, URLs 360dialog Cloud would refuse, and says why', async () => {
    const api = fakeFetch(() => json({}));
    const deps = testDeps({ fetch: api.fetch });
    expect((await registerWhatsApp360Webhook(config, 'https://inbox.example.com:8443/hook', deps)).message).toBe(
      'Webhook not registered: 360dialog refuses webhook URLs with a port (":8443"); serve Switchboard on the standard HTTPS port 443',
    );
    expect((await registerWhatsApp360Webhook(config, 'https://my_inbox.example.com/hook', deps)).message).toContain('whose host contains "_" (my_inbox.example.com)');
    expect((await registerWhatsApp360Webhook(config, 'http://inbox.example.com/hook', deps)).message).toContain('only calls HTTPS webhooks');
    expect(api.requests).toEqual([]);
  });

  it('does not apply 360dialog URL rules to a simulator or proxy base URL', async () => {
    const api = fakeFetch(() => json({ url: 'http://127.0.0.1:3000/hook' }));
    const local = whatsapp360ConfigSchema.parse({ apiKey: 'k', apiBaseUrl: 'http://127.0.0.1:4101' });
    expect((await registerWhatsApp360Webhook(local, 'http://127.0.0.1:3000/hook', testDeps({ fetch: api.fetch }))).ok).toBe(true);
  });

  it('explains a refused API key, a refused URL and a network failure, without throwing', async () => {
    expect((await registerWhatsApp360Webhook(config, URL_OK, testDeps({ fetch: fakeFetch(() => json({}, 401)).fetch }))).message)
      .toBe('360dialog refused the API key (HTTP 401): copy the key of this number from the 360dialog Hub again');
    const bad = fakeFetch(() => json({ meta: { success: false, http_code: 400, developer_message: 'Webhook URL is not reachable' } }, 400));
    expect((await registerWhatsApp360Webhook(config, URL_OK, testDeps({ fetch: bad.fetch }))).message)
      .toBe('360dialog did not accept the webhook URL (HTTP 400): Webhook URL is not reachable');
    const down = (() => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND waba-v2.360dialog.io') }))) as typeof fetch;
    expect(await registerWhatsApp360Webhook(config, URL_OK, testDeps({ fetch: down }))).toEqual({
      ok: false, message: 'Could not reach waba-v2.360dialog.io: the host name could not be resolved',
    });
  });
});

describe('webhookUrlProblem', () => {
  it('accepts a plain HTTPS URL (an explicit :443 is the default port and fine)', () => {
    expect(webhookUrlProblem(URL_OK)).toBeNull();
    expect(webhookUrlProblem('https://inbox.example.com:443/x_y?a=b_c')).toBeNull();
    expect(webhookUrlProblem('not a url')).toBe('"not a url" is not a valid URL');
  });
});
