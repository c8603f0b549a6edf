import { ConnectorError } from '../types';
import { fetchWithTimeout, readResponseBody } from '../shared/http';
import { readCloudError } from './cloud-error';
import { cloudErrorToConnectorError, networkErrorToConnectorError } from './errors';

/** Lookups are small JSON; downloads (up to 100 MB documents) stream, so they get longer. */
const LOOKUP_TIMEOUT_MS = 15_000;
const DOWNLOAD_TIMEOUT_MS = 120_000;

export interface MediaSource {
  /** GET → {url, mime_type, …} */
  lookupUrl: string;
  headers: Record<string, string>;
  who: string;
  fetch: typeof fetch;
  /** Fetches the download URL the lookup answered (the safe fetch unless `rewrite` pins it to the API host). */
  downloadFetch: typeof fetch;
  /** 360dialog: the Meta URL must be fetched through 360dialog's host. */
  rewrite?: (url: string) => string;
}

/**
 * WhatsApp media by id, in two steps (PROTOCOLS.md 2c): the id resolves to a short-lived URL (5 min)
 * that itself needs the credentials. Returns the download Response unread, so the app can stream it.
 */
export async function downloadMedia(source: MediaSource, mediaId: string | undefined): Promise<Response> {
  if (!mediaId) throw new ConnectorError('invalid_request', 'This attachment has no WhatsApp media id to download');
  let json: unknown;
  let status: number;
  try {
    const res = await fetchWithTimeout(source.fetch, source.lookupUrl, { headers: source.headers }, LOOKUP_TIMEOUT_MS);
    status = res.status;
    ({ json } = await readResponseBody(res));
  } catch (err) {
    throw networkErrorToConnectorError(err, LOOKUP_TIMEOUT_MS, source.who);
  }
  const url = (json as { url?: unknown } | undefined)?.url;
  if (status !== 200 || typeof url !== 'string') {
    const error = readCloudError(json);
    if (error || status >= 400) throw cloudErrorToConnectorError(error, status, { who: source.who });
    throw new ConnectorError('provider', `${source.who} answered the media lookup without a URL`, { retryable: false });
  }

  let res: Response;
  try {
    res = await fetchWithTimeout(source.downloadFetch, source.rewrite ? source.rewrite(url) : url, { headers: source.headers }, DOWNLOAD_TIMEOUT_MS);
  } catch (err) {
    throw networkErrorToConnectorError(err, DOWNLOAD_TIMEOUT_MS, source.who);
  }
  if (res.ok) return res;
  await res.body?.cancel();
  const why = res.status === 401 || res.status === 403 ? 'the credentials were refused' : res.status === 404 ? 'the media link expired or the media was deleted' : `HTTP ${res.status}`;
  throw new ConnectorError('provider', `Could not download the media from ${source.who}: ${why}`, { retryable: res.status >= 500 || res.status === 404, code: String(res.status) });
}
