/** The small pieces that keep anonymous requests bounded: rate limit and body cap. */
import { describe, expect, it } from 'vitest';
import { rateLimiter } from './rate-limit';
import { readBoundedText } from './read-body';

describe('rateLimiter', () => {
  it('allows `limit` hits per key per window, then says how long to wait', () => {
    let now = 0;
    const limiter = rateLimiter({ limit: 2, windowMs: 60_000, now: () => now });
    expect(limiter.hit('a')).toEqual({ ok: true });
    expect(limiter.hit('a')).toEqual({ ok: true });
    now = 15_000;
    expect(limiter.hit('a')).toEqual({ ok: false, retryAfterSeconds: 45 });
    expect(limiter.hit('b')).toEqual({ ok: true });
    now = 60_000;
    expect(limiter.hit('a')).toEqual({ ok: true });
  });

  it('keeps at most maxKeys windows, forgetting the oldest', () => {
    const limiter = rateLimiter({ limit: 1, windowMs: 60_000, maxKeys: 2, now: () => 0 });
    limiter.hit('a');
    limiter.hit('b');
    limiter.hit('c'); // drops a
    expect(limiter.hit('a')).toEqual({ ok: true });
    expect(limiter.hit('c').ok).toBe(false);
  });
});

describe('readBoundedText', () => {
  const req = (body: BodyInit, headers: Record<string, string> = {}) => new Request('http://localhost/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
  it('reads a body within the cap', async () => {
    expect(await readBoundedText(req('{"a":"é"}'), 16)).toBe('{"a":"é"}');
  });
  it('refuses with 413 as soon as a streamed body passes the cap, without a declared length', async () => {
    let pulled = 0;
    const stream = new ReadableStream({ pull(c) { pulled++; c.enqueue(new Uint8Array(1024)); } }); // endless
    await expect(readBoundedText(req(stream), 4096)).rejects.toMatchObject({ status: 413, code: 'payload_too_large' });
    expect(pulled).toBeLessThan(10);
  });
  it('refuses a declared Content-Length over the cap before reading', async () => {
    await expect(readBoundedText(req('x', { 'content-length': '99999' }), 1024)).rejects.toMatchObject({ status: 413 });
  });
});
