// Attachments only the provider can serve are proxied by Switchboard itself, under this path.
const SAME_ORIGIN_PREFIX = '/api/v1/messages/';
// Only used to resolve relative paths; never part of a returned link.
const PLACEHOLDER_ORIGIN = 'https://same-origin.invalid';

/** A same-origin `/api/v1/messages/…` path, normalised; anything that could leave that path is refused. */
function sameOriginAttachmentPath(raw: string): string | null {
  // The prefix excludes protocol-relative `//host` and `/\host`; resolving then catches `..` and `%2e%2e`.
  if (!raw.startsWith(SAME_ORIGIN_PREFIX)) return null;
  try {
    const url = new URL(raw, PLACEHOLDER_ORIGIN);
    if (url.origin !== PLACEHOLDER_ORIGIN || !url.pathname.startsWith(SAME_ORIGIN_PREFIX)) return null;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return null;
  }
}

/**
 * Links from provider data: absolute http(s) URLs, or Switchboard's own same-origin attachment
 * paths (`/api/v1/messages/<id>/attachments/<n>`). Anything else (javascript:, data:, other
 * relative paths) stays text.
 */
export function safeHttpUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  if (raw.startsWith('/')) return sameOriginAttachmentPath(raw);
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

export function mapUrl(latitude: number, longitude: number): string | null {
  if (!Number.isFinite(latitude) || !Number.isFinite(longitude)) return null;
  const lat = latitude.toFixed(6);
  const lon = longitude.toFixed(6);
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=16/${lat}/${lon}`;
}
