/**
 * The app's fetch for URLs that came from outside, configured from the environment:
 * ALLOW_INSECURE_PROVIDER_URLS lets it reach loopback (local simulators), ATTACHMENT_MAX_BYTES caps
 * every body. Connectors receive it as `fetchUntrusted` (lib/channels/types.ts ConnectorDeps).
 */
import { readSetting } from '@/lib/env';
import { createSafeFetch } from './safe-fetch';

export { createSafeFetch } from './safe-fetch';
export { OutboundFetchError, TooLargeError, TooManyRedirectsError, UnsafeUrlError } from './errors';

const instances = new Map<string, typeof fetch>();

export function untrustedFetch(): typeof fetch {
  const allowLoopback = readSetting('ALLOW_INSECURE_PROVIDER_URLS');
  const maxBytes = readSetting('ATTACHMENT_MAX_BYTES');
  const key = `${allowLoopback}:${maxBytes}`;
  let instance = instances.get(key);
  if (!instance) instances.set(key, (instance = createSafeFetch({ allowLoopback, maxBytes })));
  return instance;
}
