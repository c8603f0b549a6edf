import { describe, expect, it } from 'vitest';
import { constantTimeEqual, hmacSha256Hex, verifySha256SignatureHeader } from './hmac';

// PROTOCOLS.md §8 T1: the exact bytes Meta sends, with escaped Unicode.
const T1_BODY = String.raw`{"object":"page","entry":[{"id":"123","time":1,"messaging":[{"sender":{"id":"1"},"recipient":{"id":"123"},"timestamp":1,"message":{"mid":"m_1","text":"caf\u00e9 \ud83d\ude00"}}]}]}`;
const T1_SIGNATURE = 'sha256=5449653e45fe489c8adb6453a5fbc4fb6da8feb8ab9e54fa02362d89fb3d9752';

describe('hmacSha256Hex', () => {
  it('reproduces test vector T1 over the raw bytes', () => {
    expect(`sha256=${hmacSha256Hex('test_app_secret', Buffer.from(T1_BODY, 'utf8'))}`).toBe(T1_SIGNATURE);
  });
});

describe('verifySha256SignatureHeader', () => {
  const raw = Buffer.from(T1_BODY, 'utf8');

  it('accepts T1', () => {
    expect(verifySha256SignatureHeader(T1_SIGNATURE, 'test_app_secret', raw)).toEqual({ ok: true });
  });

  it('rejects the re-serialised T1 body (JSON.parse → JSON.stringify changes the bytes)', () => {
    const reserialised = Buffer.from(JSON.stringify(JSON.parse(T1_BODY)), 'utf8');
    expect(reserialised.toString()).toContain('café 😀');
    const result = verifySha256SignatureHeader(T1_SIGNATURE, 'test_app_secret', reserialised);
    expect(result).toMatchObject({ ok: false, status: 403 });
  });

  it('401 when the header is missing, 403 when malformed, truncated or signed with another secret', () => {
    expect(verifySha256SignatureHeader(null, 's', raw)).toMatchObject({ ok: false, status: 401 });
    expect(verifySha256SignatureHeader('md5=abc', 's', raw)).toMatchObject({ ok: false, status: 403 });
    expect(verifySha256SignatureHeader(T1_SIGNATURE.slice(0, -2), 'test_app_secret', raw)).toMatchObject({
      ok: false, status: 403,
    });
    expect(verifySha256SignatureHeader(T1_SIGNATURE, 'another_secret', raw)).toMatchObject({ ok: false, status: 403 });
  });

  it('accepts an upper-case hex digest', () => {
    expect(verifySha256SignatureHeader(`sha256=${T1_SIGNATURE.slice(7).toUpperCase()}`, 'test_app_secret', raw).ok).toBe(true);
  });
});

describe('constantTimeEqual', () => {
  it('compares strings of any length without throwing', () => {
    expect(constantTimeEqual('abc', 'abc')).toBe(true);
    expect(constantTimeEqual('abc', 'abd')).toBe(false);
    expect(constantTimeEqual('abc', 'abcd')).toBe(false);
    expect(constantTimeEqual('', '')).toBe(true);
    expect(constantTimeEqual('é', 'e')).toBe(false);
  });
});
