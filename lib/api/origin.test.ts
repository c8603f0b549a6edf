import { describe, expect, it } from 'vitest';
import { isSameOrigin, needsOriginCheck } from './origin';

const PUBLIC = 'https://inbox.example.com';
const h = (headers: Record<string, string>) => new Headers(headers);

describe('isSameOrigin', () => {
  it('accepts the public origin and the host the request was sent to', () => {
    expect(isSameOrigin(h({ origin: 'https://inbox.example.com' }), PUBLIC)).toBe(true);
    expect(isSameOrigin(h({ origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' }), PUBLIC)).toBe(true);
    expect(isSameOrigin(h({ origin: 'http://LOCALHOST:3000', host: 'localhost:3000' }), PUBLIC)).toBe(true);
  });

  it('refuses other sites, other ports, look-alike hosts and opaque origins', () => {
    expect(isSameOrigin(h({ origin: 'https://evil.example', host: 'inbox.example.com' }), PUBLIC)).toBe(false);
    expect(isSameOrigin(h({ origin: 'https://inbox.example.com.evil.example' }), PUBLIC)).toBe(false);
    expect(isSameOrigin(h({ origin: 'http://inbox.example.com' }), PUBLIC)).toBe(false); // another scheme is another origin
    expect(isSameOrigin(h({ origin: 'https://inbox.example.com:8443' }), PUBLIC)).toBe(false);
    expect(isSameOrigin(h({ origin: 'http://localhost:3001', host: 'localhost:3000' }), PUBLIC)).toBe(false);
    expect(isSameOrigin(h({ origin: 'null', host: 'inbox.example.com' }), PUBLIC)).toBe(false);
    expect(isSameOrigin(h({ origin: 'file://', host: 'inbox.example.com' }), PUBLIC)).toBe(false);
    // Origin wins over a Sec-Fetch-Site that would pass.
    expect(isSameOrigin(h({ origin: 'https://evil.example', 'sec-fetch-site': 'same-origin' }), PUBLIC)).toBe(false);
  });

  it('falls back to Sec-Fetch-Site without Origin', () => {
    expect(isSameOrigin(h({ 'sec-fetch-site': 'same-origin' }), PUBLIC)).toBe(true);
    expect(isSameOrigin(h({ 'sec-fetch-site': 'none' }), PUBLIC)).toBe(true);
    expect(isSameOrigin(h({ 'sec-fetch-site': 'same-site' }), PUBLIC)).toBe(false);
    expect(isSameOrigin(h({ 'sec-fetch-site': 'cross-site' }), PUBLIC)).toBe(false);
  });

  it('lets non-browser requests (neither header) through', () => {
    expect(isSameOrigin(h({ host: 'inbox.example.com' }), PUBLIC)).toBe(true);
  });
});

describe('needsOriginCheck', () => {
  it('checks mutating methods that would use the session cookie', () => {
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE', 'post']) expect(needsOriginCheck(m, h({}))).toBe(true);
    for (const m of ['GET', 'HEAD', 'OPTIONS']) expect(needsOriginCheck(m, h({}))).toBe(false);
    expect(needsOriginCheck('POST', h({ authorization: 'Bearer sbk_x' }))).toBe(false);
  });
});
