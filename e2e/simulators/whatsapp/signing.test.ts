import { afterEach, describe, expect, it } from 'vitest';
import type { WhatsAppSimulator } from './server';
import { escapeNonAscii, metaSignatureHeaders, toMetaJson } from './signing';
import { CLOUD, D360, type Receiver, startFastSimulator, startReceiver, WA } from './test-support';

// PROTOCOLS.md §8 T1.
const T1_RAW = String.raw`{"object":"page","entry":[{"id":"123","time":1,"messaging":[{"sender":{"id":"1"},"recipient":{"id":"123"},"timestamp":1,"message":{"mid":"m_1","text":"caf\u00e9 \ud83d\ude00"}}]}]}`;

describe('Meta wire encoding (T1)', () => {
  it('escapes non-ASCII like Meta and signs those exact bytes to the T1 digest', () => {
    const bytes = toMetaJson(JSON.parse(T1_RAW));
    expect(bytes.toString('utf8')).toBe(T1_RAW);
    expect(metaSignatureHeaders('test_app_secret', bytes)['X-Hub-Signature-256']).toBe('sha256=5449653e45fe489c8adb6453a5fbc4fb6da8feb8ab9e54fa02362d89fb3d9752');
    expect(escapeNonAscii('"a/<"')).toBe('"a/<"');
  });
});

describe('webhook authentication per mode', () => {
  let sim: WhatsAppSimulator;
  let receiver: Receiver;
  afterEach(async () => {
    await sim.close();
    await receiver.close();
  });

  it('Cloud: X-Hub-Signature-256 over the escaped bytes; the re-serialised body would not match', async () => {
    sim = await startFastSimulator();
    receiver = await startReceiver({ appSecret: CLOUD.appSecret, verifyToken: CLOUD.verifyToken });
    await sim.registerAccount({ ...CLOUD, webhookUrl: receiver.url });
    await sim.customerSends({ phoneNumberId: CLOUD.phoneNumberId, waId: WA, name: 'José', text: 'café 😀' });
    const [post] = await receiver.waitForPosts(1);
    expect(post.validSignature).toBe(true);
    expect(post.rawBody.toString()).toContain(String.raw`caf\u00e9 \ud83d\ude00`);
    expect(post.rawBody.toString()).toContain(String.raw`"name":"Jos\u00e9"`);
    expect([...post.rawBody].every((b) => b < 0x80)).toBe(true);
    expect(post.headers['x-hub-signature']).toMatch(/^sha1=[0-9a-f]{40}$/);
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(post.rawBody.toString())));
    expect(metaSignatureHeaders(CLOUD.appSecret, reserialised)['X-Hub-Signature-256']).not.toBe(post.headers['x-hub-signature-256']);
  });

  it('360dialog: the registered headers (Authorization) instead of a Meta signature', async () => {
    sim = await startFastSimulator();
    receiver = await startReceiver();
    await sim.registerAccount({ ...D360, webhookUrl: receiver.url, webhookHeaders: { Authorization: 'hook-secret' } });
    await sim.customerSends({ phoneNumberId: D360.phoneNumberId, waId: WA, text: 'hallo' });
    const [post] = await receiver.waitForPosts(1);
    expect(post.headers.authorization).toBe('hook-secret');
    expect(post.headers['x-hub-signature-256']).toBeUndefined();
    expect(post.payload.object).toBe('whatsapp_business_account');
  });
});
