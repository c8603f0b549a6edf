import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, newNonce, strictTransportSecurity } from './csp';

const directives = (csp: string) => new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  it('lets only scripts with the nonce run, and nothing frame, post or plug in elsewhere', () => {
    const csp = directives(contentSecurityPolicy({ nonce: 'abc123==', publicUrl: 'http://localhost:3000' }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123=='", "'strict-dynamic'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'nonce-abc123=='"]);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    for (const sources of csp.values()) expect(sources).not.toContain("'unsafe-inline'");
    for (const sources of csp.values()) expect(sources).not.toContain("'unsafe-eval'");
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it('allows the same-origin WebSocket, with the scheme of PUBLIC_URL, for the public host and the requested host', () => {
    expect(directives(contentSecurityPolicy({ nonce: 'n', publicUrl: 'http://localhost:3000', host: '127.0.0.1:3000' })).get('connect-src')).toEqual(["'self'", 'ws://localhost:3000', 'ws://127.0.0.1:3000']);
    const https = directives(contentSecurityPolicy({ nonce: 'n', publicUrl: 'https://inbox.example.com', host: 'inbox.example.com' }));
    expect(https.get('connect-src')).toEqual(["'self'", 'wss://inbox.example.com']);
    expect(https.has('upgrade-insecure-requests')).toBe(true);
  });

  it('ignores a Host header that is not a plain host (no directive injection)', () => {
    const csp = contentSecurityPolicy({ nonce: 'n', publicUrl: 'http://localhost:3000', host: "evil; script-src 'unsafe-inline'" });
    expect(directives(csp).get('connect-src')).toEqual(["'self'", 'ws://localhost:3000']);
    expect(csp).not.toContain('unsafe-inline');
  });

  it("allows eval and inline styles only in development (Next's dev overlay)", () => {
    const dev = directives(contentSecurityPolicy({ nonce: 'n', publicUrl: 'http://localhost:3000', dev: true }));
    expect(dev.get('script-src')).toContain("'unsafe-eval'");
    expect(dev.get('style-src')).toContain("'unsafe-inline'");
  });

  it('is read back by the same rule Next uses to find the nonce', async () => {
    const { getScriptNonceFromHeader } = await import('next/dist/server/app-render/get-script-nonce-from-header.js');
    const nonce = newNonce();
    expect(getScriptNonceFromHeader(contentSecurityPolicy({ nonce, publicUrl: 'https://inbox.example.com' }))).toBe(nonce);
  });
});

describe('newNonce', () => {
  it('is 128 random bits in base64, different every time', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe('strictTransportSecurity', () => {
  it('is sent only when the app is served over https', () => {
    expect(strictTransportSecurity('https://inbox.example.com')).toMatch(/^max-age=31536000/);
    expect(strictTransportSecurity('http://localhost:3000')).toBeNull();
  });
});
