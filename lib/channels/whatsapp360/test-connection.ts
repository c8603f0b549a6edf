import { describeNetworkError, fetchWithTimeout, readResponseBody } from '../shared/http';
import type { TestConnectionResult } from '../types';
import type { WhatsApp360Config } from './config';
import { d360Headers, d360Url } from './d360-api';

/** A cheap authenticated read (the current webhook): proves the key, and tells where events go. Never throws. */
export async function testWhatsApp360Connection(config: WhatsApp360Config, fetchImpl: typeof fetch): Promise<TestConnectionResult> {
  const host = new URL(config.apiBaseUrl).host;
  let status: number;
  let json: unknown;
  try {
    const res = await fetchWithTimeout(fetchImpl, d360Url(config, 'v1/configs/webhook'), { headers: d360Headers(config) });
    status = res.status;
    ({ json } = await readResponseBody(res));
  } catch (err) {
    return { ok: false, message: `Could not reach ${host}: ${describeNetworkError(err)}` };
  }
  if (status === 401 || status === 403) {
    return { ok: false, message: '360dialog refused the API key: copy the key of this number from the 360dialog Hub again' };
  }
  if (status !== 200) return { ok: false, message: `Unexpected answer from ${host} (HTTP ${status}); is the API base URL right?` };
  const url = (json as { url?: unknown } | undefined)?.url;
  if (typeof url === 'string' && url !== '') {
    return { ok: true, message: `Connected to 360dialog; webhooks currently go to ${url}`, details: { webhookUrl: url } };
  }
  return { ok: true, message: 'Connected to 360dialog; no webhook is registered yet, so no messages will arrive until it is' };
}
