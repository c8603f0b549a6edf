/**
 * Images go out by media_id: download the attachment (ctx.fetchUntrusted: the link came from the reply), then upload it as temporary
 * media (POST /cgi-bin/media/upload?type=image, multipart field `media`; kept 3 days by WeChat).
 */
import { describeNetworkError, fetchWithTimeout, isRefusedByPolicy } from '../shared/http';
import { ConnectorError } from '../types';
import { apiUrl, callWeChat } from './api';
import type { WeChatConfig } from './config';
import { wechatErrorToConnectorError } from './errors';
import { type TokenDeps, withAccessToken } from './token';

export const MAX_IMAGE_BYTES = 10 * 1024 * 1024;
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/bmp': 'bmp' };

async function download(fetchImpl: typeof fetch, url: string): Promise<{ bytes: Uint8Array; type: string }> {
  let res: Response;
  try {
    res = await fetchWithTimeout(fetchImpl, url);
  } catch (err) {
    if (isRefusedByPolicy(err)) throw new ConnectorError('invalid_request', `Could not download the image to send: ${describeNetworkError(err)}`, { retryable: false, cause: err });
    throw new ConnectorError('provider', `Could not download the image to send (${describeNetworkError(err)}); will retry`, { retryable: true, cause: err });
  }
  if (!res.ok) throw new ConnectorError('invalid_request', `Could not download the image to send: HTTP ${res.status}`, { retryable: res.status >= 500 });
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_IMAGE_BYTES) throw new ConnectorError('invalid_request', 'The image is larger than WeChat’s 10 MB limit');
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  return { bytes, type };
}

/** WeChat checks the file name's extension, so it must end in one matching the image. */
function fileName(url: string, name: string | undefined, type: string): string {
  const given = name ?? decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  if (/\.(jpe?g|png|gif|bmp)$/i.test(given)) return given;
  return `${given.replace(/[^\w.-]/g, '') || 'image'}.${EXTENSIONS[type] ?? 'jpg'}`;
}

/** Returns the media_id of the uploaded image. */
export async function uploadImage(config: WeChatConfig, deps: TokenDeps & { fetchUntrusted: typeof fetch }, url: string, name?: string): Promise<string> {
  const { bytes, type } = await download(deps.fetchUntrusted, url);
  const filename = fileName(url, name, type);
  const result = await withAccessToken(config, deps, (token) => {
    const form = new FormData(); // fresh per attempt: a retried call re-sends the whole body
    form.append('media', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: type || 'application/octet-stream' }), filename);
    return callWeChat(deps.fetch, apiUrl(config.apiBaseUrl, '/cgi-bin/media/upload', { access_token: token, type: 'image' }), { method: 'POST', body: form });
  });
  if (result.errcode !== 0) throw wechatErrorToConnectorError(result.errcode, result.errmsg);
  const mediaId = result.json.media_id;
  if (typeof mediaId !== 'string' || mediaId === '') throw new ConnectorError('provider', 'WeChat accepted the image upload but returned no media_id', { retryable: true });
  return mediaId;
}
