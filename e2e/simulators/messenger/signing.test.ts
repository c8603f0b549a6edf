import { describe, expect, it } from 'vitest';
import { appsecretProof, escapeNonAscii, signatureHeaders, toMetaJson } from './signing';

// PROTOCOLS.md section 8, T1.
const T1_RAW =
  '{"object":"page","entry":[{"id":"123","time":1,"messaging":[{"sender":{"id":"1"},"recipient":{"id":"123"},"timestamp":1,"message":{"mid":"m_1","text":"caf\\u00e9 \\ud83d\\ude00"}}]}]}';
const T1_SHA256 = 'sha256=5449653e45fe489c8adb6453a5fbc4fb6da8feb8ab9e54fa02362d89fb3d9752';

describe('Meta wire encoding and signatures (T1)', () => {
  const payload = {
    object: 'page',
    entry: [
      {
        id: '123',
        time: 1,
        messaging: [
          { sender: { id: '1' }, recipient: { id: '123' }, timestamp: 1, message: { mid: 'm_1', text: 'café 😀' } },
        ],
      },
    ],
  };

  it('serialises non-ASCII as lowercase \\u escapes with surrogate pairs, byte for byte', () => {
    const bytes = toMetaJson(payload);
    expect(bytes.toString('utf8')).toBe(T1_RAW);
    expect([...bytes].every((b) => b < 0x80)).toBe(true);
  });

  it('signs the escaped bytes to the T1 digest, and re-serialised JSON does not match', () => {
    const headers = signatureHeaders('test_app_secret', toMetaJson(payload));
    expect(headers['X-Hub-Signature-256']).toBe(T1_SHA256);
    expect(headers['X-Hub-Signature']).toMatch(/^sha1=[0-9a-f]{40}$/);

    const reserialised = Buffer.from(JSON.stringify(JSON.parse(T1_RAW)), 'utf8');
    const wrong = signatureHeaders('test_app_secret', reserialised)['X-Hub-Signature-256'];
    expect(wrong).not.toBe(T1_SHA256);
    expect(wrong.startsWith('sha256=b7d2ca22')).toBe(true);
  });

  it('leaves ASCII untouched, including characters JSON already escapes', () => {
    expect(escapeNonAscii(JSON.stringify({ a: 'x"\n/<' }))).toBe('{"a":"x\\"\\n/<"}');
  });

  it('computes appsecret_proof as hex HMAC-SHA256(appSecret, token)', () => {
    expect(appsecretProof('secret', 'token')).toMatch(/^[0-9a-f]{64}$/);
    expect(appsecretProof('secret', 'token')).not.toBe(appsecretProof('secret', 'token2'));
  });
});
