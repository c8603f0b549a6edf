import { describe, expect, it } from 'vitest';
import { hmacSha256Hex } from '../shared/hmac';
import { testDeps } from '../shared/memory-cache';
import type { WebhookRequest } from '../types';
import { whatsappConnector } from './index';

const config = whatsappConnector.configSchema.parse({
  phoneNumberId: '106540352242922', wabaId: '102290129340398', accessToken: 'EAAtoken', appSecret: 'test_app_secret', verifyToken: 'verify-me',
});

// The exact bytes Meta sends: non-ASCII escaped as \uXXXX, emoji as a surrogate pair (PROTOCOLS.md T1).
const RAW = String.raw`{"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550783881","phone_number_id":"106540352242922"},"contacts":[{"profile":{"name":"Jos\u00e9"},"wa_id":"16505551234"}],"messages":[{"from":"16505551234","id":"wamid.U1","timestamp":"1749416383","type":"text","text":{"body":"caf\u00e9 \ud83d\ude00"}}]}}]}]}`;
const SIGNATURE = `sha256=${hmacSha256Hex('test_app_secret', Buffer.from(RAW, 'utf8'))}`;

function request(method: string, query: string, body: string, headers: Record<string, string> = {}): WebhookRequest {
  return { method, url: new URL(`https://switchboard.test/api/webhooks/whatsapp/inbox_1${query}`), headers: new Headers(headers), rawBody: Buffer.from(body, 'utf8') };
}

describe('whatsappConnector.handshake (hub.challenge, as Messenger)', () => {
  it('echoes the challenge for our verify token, 403 otherwise, null when not a handshake', () => {
    expect(whatsappConnector.handshake(request('GET', '?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444', ''), config))
      .toEqual({ status: 200, body: '1158201444', contentType: 'text/plain' });
    expect(whatsappConnector.handshake(request('GET', '?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1', ''), config)?.status).toBe(403);
    expect(whatsappConnector.handshake(request('GET', '', ''), config)).toBeNull();
  });
});

describe('whatsappConnector.verify (X-Hub-Signature-256 over the raw bytes)', () => {
  it('accepts the escaped-Unicode bytes as signed, and rejects the same JSON re-serialised', async () => {
    expect(await whatsappConnector.verify(request('POST', '', RAW, { 'x-hub-signature-256': SIGNATURE }), config, testDeps())).toEqual({ ok: true });
    const reserialised = JSON.stringify(JSON.parse(RAW));
    expect(reserialised).toContain('café 😀');
    expect(await whatsappConnector.verify(request('POST', '', reserialised, { 'x-hub-signature-256': SIGNATURE }), config, testDeps()))
      .toMatchObject({ ok: false, status: 403 });
  });

  it('401 unsigned; 403 forged, signed with the verify token, or legacy sha1 alone', async () => {
    expect(await whatsappConnector.verify(request('POST', '', RAW), config, testDeps())).toMatchObject({ ok: false, status: 401 });
    for (const secret of ['not_the_secret', 'verify-me']) {
      const forged = { 'x-hub-signature-256': `sha256=${hmacSha256Hex(secret, RAW)}` };
      expect(await whatsappConnector.verify(request('POST', '', RAW, forged), config, testDeps())).toMatchObject({ ok: false, status: 403 });
    }
    expect(await whatsappConnector.verify(request('POST', '', RAW, { 'x-hub-signature': 'sha1=00' }), config, testDeps())).toMatchObject({ ok: false, status: 401 });
  });

  it('parses the verified bytes with names and text decoded', () => {
    expect(whatsappConnector.parse(request('POST', '', RAW), config)).toMatchObject([
      { type: 'message', externalId: 'wamid.U1', text: 'café 😀', contact: { externalId: '16505551234', name: 'José' } },
    ]);
  });
});

describe('whatsappConnector description', () => {
  it('acks 200, declares capabilities, fields and optional operations', () => {
    expect(whatsappConnector.ack(request('POST', '', RAW), config)).toMatchObject({ status: 200 });
    expect(whatsappConnector.key).toBe('whatsapp');
    expect(whatsappConnector.capabilities).toEqual({ media: true, templates: true, receipts: true, typing: false });
    expect(whatsappConnector.secretFields).toEqual(['accessToken', 'appSecret']);
    expect(whatsappConnector.publicSetupFields).toEqual(['verifyToken']);
    expect(typeof whatsappConnector.fetchMedia).toBe('function');
    expect(typeof whatsappConnector.listTemplates).toBe('function');
    expect(whatsappConnector.window(null, new Date(), config).allowedWhenClosed).toEqual(['template']);
  });
});
