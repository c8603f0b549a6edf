import { describeNetworkError, fetchWithTimeout, readResponseBody } from '../shared/http';
import type { ConnectorDeps, TestConnectionResult } from '../types';
import { readCloudError } from '../whatsapp';
import type { WhatsApp360Config } from './config';
import { d360Headers, d360Url, isReal360Host } from './d360-api';
import { webhookUrlProblem } from './webhook-url';

/**
 * POST {apiBaseUrl}/v1/configs/webhook {url, headers:{Authorization: webhookSecret}}: 360dialog then
 * sends the secret with every webhook, and verify() checks it. Never throws; explains failures.
 */
export async function registerWhatsApp360Webhook(config: WhatsApp360Config, webhookUrl: string, deps: ConnectorDeps): Promise<TestConnectionResult> {
  const problem = isReal360Host(config) ? webhookUrlProblem(webhookUrl) : null;
  if (problem) return { ok: false, message: `Webhook not registered: ${problem}` };

  const host = new URL(config.apiBaseUrl).host;
  let status: number;
  let json: unknown;
  try {
    const res = await fetchWithTimeout(deps.fetch, d360Url(config, 'v1/configs/webhook'), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...d360Headers(config) },
      body: JSON.stringify({ url: webhookUrl, headers: { Authorization: config.webhookSecret } }),
    });
    status = res.status;
    ({ json } = await readResponseBody(res));
  } catch (err) {
    return { ok: false, message: `Could not reach ${host}: ${describeNetworkError(err)}` };
  }
  if (status === 401 || status === 403) {
    return { ok: false, message: '360dialog refused the API key (HTTP 401): copy the key of this number from the 360dialog Hub again' };
  }
  if (status >= 200 && status < 300) {
    return { ok: true, message: `Webhook registered with 360dialog: ${webhookUrl}`, details: { webhookUrl } };
  }
  const said = readCloudError(json)?.error_data?.details ?? readCloudError(json)?.message ?? developerMessage(json);
  return { ok: false, message: `360dialog did not accept the webhook URL (HTTP ${status})${said ? `: ${said}` : ''}` };
}

/** 360dialog's own error envelope: {meta:{developer_message}}. */
function developerMessage(json: unknown): string | undefined {
  const message = (json as { meta?: { developer_message?: unknown } } | undefined)?.meta?.developer_message;
  return typeof message === 'string' ? message : undefined;
}
