import type { WhatsApp360Config } from './config';

/** Every 360dialog call carries the per-number key in D360-API-KEY (PROTOCOLS.md 2e). */
export function d360Headers(config: Pick<WhatsApp360Config, 'apiKey'>): Record<string, string> {
  return { 'D360-API-KEY': config.apiKey };
}

export function d360Url(config: Pick<WhatsApp360Config, 'apiBaseUrl'>, path: string): string {
  return `${config.apiBaseUrl}/${path.replace(/^\/+/, '')}`;
}

/** Real 360dialog hosts get 360dialog's rules (webhook URL shape); simulators and proxies do not. */
export function isReal360Host(config: Pick<WhatsApp360Config, 'apiBaseUrl'>): boolean {
  return /(^|\.)360dialog\.io$/i.test(new URL(config.apiBaseUrl).hostname);
}
