import { fetchWithTimeout, readResponseBody } from '../shared/http';
import { createHash } from 'node:crypto';
import { ConnectorError, type ConnectorDeps, type MessageTemplate } from '../types';
import { cachedTemplates, cloudErrorToConnectorError, mapTemplates, networkErrorToConnectorError, readCloudError } from '../whatsapp';
import type { WhatsApp360Config } from './config';
import { d360Headers, d360Url } from './d360-api';

/** GET {apiBaseUrl}/v1/configs/templates → `waba_templates[]`, cached 10 minutes per API key. */
export function listWhatsApp360Templates(config: WhatsApp360Config, deps: ConnectorDeps): Promise<MessageTemplate[]> {
  // The key identifies the number; only a hash of it goes into the shared cache.
  const account = createHash('sha256').update(config.apiKey).digest('hex').slice(0, 24);
  return cachedTemplates(deps.cache, `whatsapp360:templates:${account}`, () => load(config, deps.fetch));
}

async function load(config: WhatsApp360Config, fetchImpl: typeof fetch): Promise<MessageTemplate[]> {
  let res: Response;
  let json: unknown;
  try {
    res = await fetchWithTimeout(fetchImpl, d360Url(config, 'v1/configs/templates'), { headers: d360Headers(config) });
    ({ json } = await readResponseBody(res));
  } catch (err) {
    throw networkErrorToConnectorError(err, 15_000, '360dialog');
  }
  const list = (json as { waba_templates?: unknown; data?: unknown } | undefined);
  const items = Array.isArray(list?.waba_templates) ? list.waba_templates : Array.isArray(list?.data) ? list.data : undefined;
  if (res.ok && items) return mapTemplates(items);
  if (res.ok) throw new ConnectorError('provider', 'Unexpected answer to the 360dialog template list (no waba_templates)', { retryable: false });
  throw cloudErrorToConnectorError(readCloudError(json), res.status, { who: '360dialog' });
}
