import type { Attachment, ConnectorDeps } from '../types';
import { bearer, cloudUrl } from './cloud-api';
import type { WhatsAppConfig } from './config';
import { downloadMedia } from './media-download';

/** GET /{version}/{media-id} with the Bearer token → {url}, then GET url with the same token. */
export function fetchWhatsAppMedia(config: WhatsAppConfig, attachment: Attachment, deps: ConnectorDeps): Promise<Response> {
  const mediaId = attachment.providerMediaId;
  return downloadMedia(
    { lookupUrl: cloudUrl(config, encodeURIComponent(mediaId ?? '')), headers: bearer(config), who: 'WhatsApp', fetch: deps.fetch, downloadFetch: deps.fetchUntrusted },
    mediaId,
  );
}
