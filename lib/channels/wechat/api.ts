/** One call to WeChat's API: HTTP 200 for everything, success or not, with `errcode` in the JSON. */
import { describeNetworkError, fetchWithTimeout, readResponseBody, DEFAULT_TIMEOUT_MS } from '../shared/http';
import { ConnectorError } from '../types';

export interface WeChatApiResult {
  /** 0 when the body has no errcode (the token and upload endpoints omit it on success). */
  errcode: number;
  errmsg: string;
  json: Record<string, unknown>;
}

export function apiUrl(apiBaseUrl: string, path: string, params: Record<string, string>): string {
  const url = new URL(`${apiBaseUrl}${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/** Never throws on an errcode (callers decide); throws a retryable ConnectorError when WeChat was not reached. */
export async function callWeChat(fetchImpl: typeof fetch, url: string, init: RequestInit = {}): Promise<WeChatApiResult> {
  let res: Response;
  let text: string;
  let json: unknown;
  try {
    res = await fetchWithTimeout(fetchImpl, url, init);
    ({ text, json } = await readResponseBody(res));
  } catch (err) {
    throw new ConnectorError(
      'provider',
      `Could not reach WeChat (${describeNetworkError(err, DEFAULT_TIMEOUT_MS)}); the request may not have reached WeChat and will be retried`,
      { retryable: true, cause: err },
    );
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    // WeChat itself answers JSON; anything else is a proxy or load balancer in between.
    const retryable = res.status >= 500 || res.status === 429;
    throw new ConnectorError('provider', `Unexpected answer from WeChat (HTTP ${res.status}): ${text.slice(0, 120) || 'empty body'}`, { retryable });
  }
  const body = json as Record<string, unknown>;
  const errcode = Number(body.errcode ?? 0);
  if (!Number.isInteger(errcode)) {
    throw new ConnectorError('provider', `Unexpected answer from WeChat: errcode ${JSON.stringify(body.errcode)}`, { retryable: false });
  }
  return { errcode, errmsg: typeof body.errmsg === 'string' ? body.errmsg : '', json: body };
}
