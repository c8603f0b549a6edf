import { ConnectorError, type ConnectorDeps, type MessageTemplate } from '../types';
import { fetchWithTimeout, readResponseBody } from '../shared/http';
import { bearer, cloudUrl } from './cloud-api';
import { readCloudError } from './cloud-error';
import type { WhatsAppConfig } from './config';
import { cloudErrorToConnectorError, networkErrorToConnectorError } from './errors';
import { cachedTemplates, mapTemplates } from './templates';

const MAX_PAGES = 20;

/** GET /{version}/{wabaId}/message_templates, following `paging.next`, cached 10 min per WABA. */
export function listWhatsAppTemplates(config: WhatsAppConfig, deps: ConnectorDeps): Promise<MessageTemplate[]> {
  return cachedTemplates(deps.cache, `whatsapp:templates:${config.wabaId}`, () => loadAll(config, deps.fetch));
}

async function loadAll(config: WhatsAppConfig, fetchImpl: typeof fetch): Promise<MessageTemplate[]> {
  const origin = new URL(config.apiBaseUrl).origin;
  let next: string | undefined = cloudUrl(config, `${encodeURIComponent(config.wabaId)}/message_templates`, {
    fields: 'name,language,category,status,components', limit: '100',
  });
  const templates: MessageTemplate[] = [];
  for (let page = 0; next && page < MAX_PAGES; page++) {
    let res: Response;
    let json: unknown;
    try {
      res = await fetchWithTimeout(fetchImpl, next, { headers: bearer(config) });
      ({ json } = await readResponseBody(res));
    } catch (err) {
      throw networkErrorToConnectorError(err, 15_000);
    }
    const body = json as { data?: unknown; paging?: { next?: unknown } } | undefined;
    if (!res.ok || !Array.isArray(body?.data)) {
      if (res.ok) throw new ConnectorError('provider', 'Unexpected answer to the template list (no data array)', { retryable: false });
      throw cloudErrorToConnectorError(readCloudError(json), res.status);
    }
    templates.push(...mapTemplates(body.data));
    const candidate = typeof body.paging?.next === 'string' ? body.paging.next : undefined;
    // The Bearer token only ever goes back to the configured API host.
    next = candidate && new URL(candidate).origin === origin ? candidate : undefined;
  }
  return templates;
}
