import type { ContactProfile } from '../types';
import { fetchWithTimeout, readResponseBody } from '../shared/http';
import type { MessengerConfig } from './config';
import { graphUrl } from './graph';

/** Messenger webhooks carry only the PSID: the name comes from the User Profile API. */
export async function fetchMessengerProfile(config: MessengerConfig, psid: string, fetchImpl: typeof fetch): Promise<ContactProfile | null> {
  try {
    const res = await fetchWithTimeout(fetchImpl, graphUrl(config, encodeURIComponent(psid), { fields: 'first_name,last_name,name' }), undefined, 5000);
    if (!res.ok) return null;
    const { json } = await readResponseBody(res);
    const p = json as { name?: unknown; first_name?: unknown; last_name?: unknown } | undefined;
    const name = typeof p?.name === 'string' ? p.name : [p?.first_name, p?.last_name].filter((x) => typeof x === 'string').join(' ');
    return name ? { externalId: psid, name } : null;
  } catch {
    return null;
  }
}
