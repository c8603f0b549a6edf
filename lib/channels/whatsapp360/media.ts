import type { Attachment, ConnectorDeps } from '../types';
import { downloadMedia } from '../whatsapp';
import type { WhatsApp360Config } from './config';
import { d360Headers, d360Url } from './d360-api';

/**
 * GET {apiBaseUrl}/{media-id} → Meta's lookaside URL, which only 360dialog can fetch: keep its
 * path and query, swap the host for 360dialog's, and send the same D360-API-KEY (PROTOCOLS.md 2e).
 */
export function fetchWhatsApp360Media(config: WhatsApp360Config, attachment: Attachment, deps: ConnectorDeps): Promise<Response> {
  const mediaId = attachment.providerMediaId;
  return downloadMedia(
    {
      lookupUrl: d360Url(config, encodeURIComponent(mediaId ?? '')),
      headers: d360Headers(config),
      who: '360dialog',
      fetch: deps.fetch,
      downloadFetch: deps.fetch, // rewritten onto the admin-configured API host
      rewrite: (url) => rewriteToApiHost(config, url),
    },
    mediaId,
  );
}

export function rewriteToApiHost(config: Pick<WhatsApp360Config, 'apiBaseUrl'>, url: string): string {
  const original = new URL(url);
  return `${config.apiBaseUrl}${original.pathname}${original.search}`;
}
