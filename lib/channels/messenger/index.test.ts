import { describe, expect, it } from 'vitest';
import { testDeps } from '../shared/memory-cache';
import type { WebhookRequest } from '../types';
import { hmacSha256Hex } from '../shared/hmac';
import { messengerConnector } from './index';

const config = messengerConnector.configSchema.parse({
  pageId: '123', pageAccessToken: 'EAAtoken', appSecret: 'test_app_secret', verifyToken: 'verify-me',
});

// PROTOCOLS.md §8 T1.
const T1_BODY = String.raw`{"object":"page","entry":[{"id":"123","time":1,"messaging":[{"sender":{"id":"1"},"recipient":{"id":"123"},"timestamp":1,"message":{"mid":"m_1","text":"caf\u00e9 \ud83d\ude00"}}]}]}`;
const T1_SIGNATURE = 'sha256=5449653e45fe489c8adb6453a5fbc4fb6da8feb8ab9e54fa02362d89fb3d9752';

function request(method: string, query: string, body: string | Buffer, headers: Record<string, string> = {}): WebhookRequest {
  return {
    method,
    url: new URL(`https://switchboard.test/api/webhooks/messenger/inbox_1${query}`),
    headers: new Headers(headers),
    rawBody: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
  };
}

describe('messengerConnector.handshake', () => {
  it('echoes the challenge for our verify token, 403 for another, null when not a handshake', () => {
    const ok = messengerConnector.handshake(request('GET', '?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444', ''), config);
    expect(ok).toEqual({ status: 200, body: '1158201444', contentType: 'text/plain' });
    const bad = messengerConnector.handshake(request('GET', '?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1', ''), config);
    expect(bad?.status).toBe(403);
    expect(messengerConnector.handshake(request('GET', '', ''), config)).toBeNull();
  });
});

describe('messengerConnector.verify', () => {
  it('accepts test vector T1 and rejects its re-serialised body', async () => {
    const headers = { 'X-Hub-Signature-256': T1_SIGNATURE };
    expect(await messengerConnector.verify(request('POST', '', T1_BODY, headers), config, testDeps())).toEqual({ ok: true });
    const reserialised = JSON.stringify(JSON.parse(T1_BODY));
    expect(await messengerConnector.verify(request('POST', '', reserialised, headers), config, testDeps())).toMatchObject({ ok: false, status: 403 });
  });

  it('401 without a signature; 403 for a forged one or the legacy sha1 header alone', async () => {
    expect(await messengerConnector.verify(request('POST', '', T1_BODY), config, testDeps())).toMatchObject({ ok: false, status: 401 });
    const forged = `sha256=${hmacSha256Hex('not_the_secret', T1_BODY)}`;
    expect(await messengerConnector.verify(request('POST', '', T1_BODY, { 'x-hub-signature-256': forged }), config, testDeps()))
      .toMatchObject({ ok: false, status: 403 });
    const sha1Only = { 'x-hub-signature': 'sha1=0000000000000000000000000000000000000000' };
    expect(await messengerConnector.verify(request('POST', '', T1_BODY, sha1Only), config, testDeps())).toMatchObject({ ok: false, status: 401 });
  });

  it('keys the HMAC with the app secret, not the verify token', async () => {
    const withVerifyToken = `sha256=${hmacSha256Hex('verify-me', T1_BODY)}`;
    expect((await messengerConnector.verify(request('POST', '', T1_BODY, { 'x-hub-signature-256': withVerifyToken }), config, testDeps())).ok).toBe(false);
  });
});

describe('messengerConnector description', () => {
  it('acks with 200 EVENT_RECEIVED and declares its capabilities and fields', () => {
    expect(messengerConnector.ack(request('POST', '', T1_BODY), config)).toEqual({ status: 200, body: 'EVENT_RECEIVED', contentType: 'text/plain' });
    expect(messengerConnector.key).toBe('messenger');
    expect(messengerConnector.displayName).toBe('Facebook Messenger');
    expect(messengerConnector.capabilities).toEqual({ media: true, templates: false, receipts: true, typing: true });
    expect(messengerConnector.secretFields).toEqual(['pageAccessToken', 'appSecret']);
    expect(messengerConnector.publicSetupFields).toEqual(['verifyToken']);
  });

  it('parses T1 into one message with the decoded text', () => {
    const [event] = messengerConnector.parse(request('POST', '', T1_BODY), config);
    expect(event).toMatchObject({ type: 'message', externalId: 'm_1', text: 'café 😀', contact: { externalId: '1' } });
  });
});
