/**
 * 360dialog Cloud refuses webhook URLs with `_` or a port in the host (PROTOCOLS.md 2e) and, like
 * Meta, only calls HTTPS. Checked before calling so the admin gets the reason, not a bare 400.
 * Returns the problem in words, or null when the URL is acceptable.
 */
export function webhookUrlProblem(webhookUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(webhookUrl);
  } catch {
    return `"${webhookUrl}" is not a valid URL`;
  }
  if (url.protocol !== 'https:') return `360dialog only calls HTTPS webhooks; ${url.origin} is ${url.protocol.replace(':', '')}`;
  // new URL() drops a default port (":443"), so any port left is one 360dialog will refuse.
  if (url.port) return `360dialog refuses webhook URLs with a port (":${url.port}"); serve Switchboard on the standard HTTPS port 443`;
  if (url.hostname.includes('_')) return `360dialog refuses webhook URLs whose host contains "_" (${url.hostname}); use a host name without underscores`;
  return null;
}
