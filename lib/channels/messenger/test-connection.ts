import type { TestConnectionResult } from '../types';
import { describeNetworkError, fetchWithTimeout, readResponseBody } from '../shared/http';
import type { MessengerConfig } from './config';
import { graphUrl, readGraphError } from './graph';

/** Asks Graph who the token belongs to (`/me`) and checks it is the configured Page. Never throws. */
export async function testMessengerConnection(
  config: MessengerConfig,
  fetchImpl: typeof fetch,
): Promise<TestConnectionResult> {
  const host = new URL(config.apiBaseUrl).host;
  let status: number;
  let json: unknown;
  try {
    const res = await fetchWithTimeout(fetchImpl, graphUrl(config, 'me', { fields: 'id,name' }));
    status = res.status;
    ({ json } = await readResponseBody(res));
  } catch (err) {
    return { ok: false, message: `Could not reach ${host}: ${describeNetworkError(err)}` };
  }

  const error = readGraphError(json);
  if (error?.code === 190) {
    return { ok: false, message: 'The Page access token is invalid or expired: generate a new one for the Page' };
  }
  if (error) {
    const code = error.code === undefined ? '' : ` (code ${error.code})`;
    return { ok: false, message: `Meta refused the check${code}: ${error.message ?? 'no message'}` };
  }
  const me = json as { id?: unknown; name?: unknown } | undefined;
  if (typeof me?.id !== 'string') {
    return { ok: false, message: `Unexpected answer from ${host} (HTTP ${status}); is the API base URL right?` };
  }
  const name = typeof me.name === 'string' ? me.name : 'unnamed';
  const details = { pageId: me.id, pageName: name };
  if (me.id !== config.pageId) {
    return {
      ok: false, details,
      message: `The access token belongs to «${name}» (${me.id}), not to Page ${config.pageId}: use a Page access token generated for Page ${config.pageId}`,
    };
  }
  return { ok: true, message: `Connected to Page «${name}» (${me.id})`, details };
}
