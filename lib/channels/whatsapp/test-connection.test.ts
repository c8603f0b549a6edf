import { describe, expect, it } from 'vitest';
import { whatsappConfigSchema } from './config';
import { cloudError, fakeFetch, json } from './fake-fetch';
import { testWhatsAppConnection } from './test-connection';

const config = whatsappConfigSchema.parse({ phoneNumberId: '106540352242922', wabaId: '2', accessToken: 'EAAtoken', appSecret: 's' });

describe('testWhatsAppConnection', () => {
  it('reads the number with the token and names it', async () => {
    const api = fakeFetch(() => json({ display_phone_number: '+1 555-078-3881', verified_name: 'Acme Support', id: '106540352242922' }));
    expect(await testWhatsAppConnection(config, api.fetch)).toEqual({
      ok: true, message: 'Connected to WhatsApp number +1 555-078-3881 («Acme Support»)',
      details: { phoneNumberId: '106540352242922', displayPhoneNumber: '+1 555-078-3881', verifiedName: 'Acme Support' },
    });
    const [req] = api.requests;
    expect(`${req.url.origin}${req.url.pathname}`).toBe('https://graph.facebook.com/v23.0/106540352242922');
    expect(req.url.searchParams.get('fields')).toBe('display_phone_number,verified_name');
    expect(req.headers.get('authorization')).toBe('Bearer EAAtoken');
  });

  it('explains a bad token (190), a missing permission (10) and an unknown phone number id (100)', async () => {
    expect((await testWhatsAppConnection(config, fakeFetch(() => cloudError(190, 401)).fetch)).message)
      .toBe('The access token is invalid or expired: create a new system-user token with the whatsapp_business_messaging permission');
    expect((await testWhatsAppConnection(config, fakeFetch(() => cloudError(10, 403)).fetch)).message).toContain('no permission for phone number ID 106540352242922');
    expect((await testWhatsAppConnection(config, fakeFetch(() => cloudError(100)).fetch)).message).toContain('copy the Phone number ID from WhatsApp Manager');
  });

  it('reports network failures and non-Graph answers without throwing', async () => {
    const failing = (() => Promise.reject(new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND graph.facebook.com') }))) as typeof fetch;
    expect(await testWhatsAppConnection(config, failing)).toEqual({ ok: false, message: 'Could not reach graph.facebook.com: the host name could not be resolved' });
    expect((await testWhatsAppConnection(config, fakeFetch(() => new Response('<html>')).fetch)).message).toContain('Unexpected answer from graph.facebook.com');
  });
});
