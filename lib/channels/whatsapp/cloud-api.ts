import type { WhatsAppConfig } from './config';

type CloudAuth = Pick<WhatsAppConfig, 'apiBaseUrl' | 'apiVersion' | 'accessToken'>;

/** `${apiBaseUrl}/${apiVersion}/${path}?…`; the token goes in a header, never in the URL (logs). */
export function cloudUrl(config: CloudAuth, path: string, params: Record<string, string> = {}): string {
  const url = new URL(`${config.apiBaseUrl}/${config.apiVersion}/${path}`);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

export function bearer(config: CloudAuth): Record<string, string> {
  return { authorization: `Bearer ${config.accessToken}` };
}
