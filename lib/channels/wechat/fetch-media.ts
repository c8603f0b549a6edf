/**
 * Attachments that arrive as a MediaId (voice and video have no URL; image PicUrls expire) are
 * fetched with GET /cgi-bin/media/get (temporary media: WeChat keeps it 3 days). Errors come back
 * as JSON with errcode instead of the file; video answers JSON {"video_url"} to download from.
 */
import { describeNetworkError, fetchWithTimeout } from '../shared/http';
import { type Attachment, ConnectorError, type ConnectorDeps } from '../types';
import { apiUrl } from './api';
import type { WeChatConfig } from './config';
import { wechatErrorToConnectorError } from './errors';
import { withAccessToken } from './token';

type MediaAnswer = { file: Response } | { errcode: number; errmsg: string; videoUrl?: string };

async function get(fetchImpl: typeof fetch, url: string): Promise<MediaAnswer> {
  let res: Response;
  try {
    res = await fetchWithTimeout(fetchImpl, url);
  } catch (err) {
    throw new ConnectorError('provider', `Could not reach WeChat to download media (${describeNetworkError(err)})`, { retryable: true });
  }
  const type = res.headers.get('content-type') ?? '';
  if (!/json|text\/plain/i.test(type)) return { file: res };
  const json = (await res.json().catch(() => ({}))) as { errcode?: unknown; errmsg?: unknown; video_url?: unknown };
  return {
    errcode: Number(json.errcode ?? 0), errmsg: typeof json.errmsg === 'string' ? json.errmsg : '',
    ...(typeof json.video_url === 'string' ? { videoUrl: json.video_url } : {}),
  };
}

export async function fetchWeChatMedia(config: WeChatConfig, attachment: Attachment, deps: ConnectorDeps): Promise<Response> {
  if (!attachment.providerMediaId) {
    if (!attachment.url) throw new ConnectorError('invalid_request', 'This attachment has neither a WeChat MediaId nor a URL');
    return fetchWithTimeout(deps.fetchUntrusted, attachment.url);
  }
  const mediaId = attachment.providerMediaId;
  const answer = await withAccessToken(config, deps, (token) => get(deps.fetch, apiUrl(config.apiBaseUrl, '/cgi-bin/media/get', { access_token: token, media_id: mediaId })),
    (a) => ('file' in a ? 0 : a.errcode));
  if ('file' in answer) return answer.file;
  if (answer.videoUrl) return fetchWithTimeout(deps.fetchUntrusted, answer.videoUrl);
  if (answer.errcode === 40007) throw new ConnectorError('invalid_request', 'WeChat no longer has this media (temporary media is kept 3 days)', { code: '40007' });
  throw wechatErrorToConnectorError(answer.errcode, answer.errmsg);
}
