import { describe, expect, it } from 'vitest';
import { mapUrl, safeHttpUrl } from './safeUrl';

describe('links from provider data', () => {
  it('keeps http(s) and drops script and data URLs', () => {
    expect(safeHttpUrl('https://cdn.example.com/a.png')).toBe('https://cdn.example.com/a.png');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeHttpUrl('not a url')).toBeNull();
    expect(safeHttpUrl(undefined)).toBeNull();
  });

  it('builds an OpenStreetMap link for a location', () => {
    expect(mapUrl(48.8584, 2.2945)).toBe('https://www.openstreetmap.org/?mlat=48.858400&mlon=2.294500#map=16/48.858400/2.294500');
    expect(mapUrl(Number.NaN, 2)).toBeNull();
  });
});
