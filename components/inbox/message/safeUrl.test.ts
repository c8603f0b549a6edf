import { describe, expect, it } from 'vitest';
import { mapUrl, safeHttpUrl } from './safeUrl';

describe('links from provider data', () => {
  it('keeps http(s) and drops script and data URLs', () => {
    expect(safeHttpUrl('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHttpUrl('vbscript:msgbox(1)')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
    expect(safeHttpUrl('')).toBeNull();
  });

  it('keeps Switchboard attachment paths (same origin)', () => {
    const path = '/api/v1/messages/6f1c2a1e-0000-4000-8000-000000000001/attachments/0';
    expect(safeHttpUrl(path)).toBe(path);
    expect(safeHttpUrl('/api/v1/messages/abc/attachments/2?download=1')).toBe('/api/v1/messages/abc/attachments/2?download=1');
  });

  it('refuses other relative paths and tricks that leave the attachment path', () => {
    expect(safeHttpUrl('/api/v1/conversations/abc')).toBeNull();
    expect(safeHttpUrl('/settings/tokens')).toBeNull();
    expect(safeHttpUrl('//evil.example.com/api/v1/messages/x')).toBeNull();
    expect(safeHttpUrl('/\\evil.example.com/api/v1/messages/x')).toBeNull();
    expect(safeHttpUrl('/api/v1/messages/../../tokens')).toBeNull();
    expect(safeHttpUrl('/api/v1/messages/%2e%2e/%2e%2e/tokens')).toBeNull();
    expect(safeHttpUrl('api/v1/messages/abc/attachments/0')).toBeNull();
    expect(safeHttpUrl('/API/v1/messages/abc/attachments/0')).toBeNull();
  });

  it('builds an OpenStreetMap link for a location', () => {
    expect(mapUrl(48.8584, 2.2945)).toBe('https://www.openstreetmap.org/?mlat=48.858400&mlon=2.294500#map=16/48.858400/2.294500');
    expect(mapUrl(Number.NaN, 2)).toBeNull();
  });
});
