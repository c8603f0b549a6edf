/** Which channels register their webhook by API, and what Telegram accepts as a webhook URL. */

// Switchboard registers these itself (Telegram setWebhook, 360dialog's webhook API); others are pasted in a console.
const REGISTERED_BY_API = new Set(['telegram', 'whatsapp360']);

export function registersWebhookByApi(channel: string): boolean {
  return REGISTERED_BY_API.has(channel);
}

const TELEGRAM_PORTS = new Set(['443', '80', '88', '8443']);

/** Why Telegram would refuse this webhook URL (HTTPS on 443, 80, 88 or 8443 only), or null when it is fine. */
export function telegramWebhookProblem(webhookUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(webhookUrl);
  } catch {
    return 'The webhook URL is not a valid URL: check PUBLIC_URL.';
  }
  if (url.protocol !== 'https:') return 'Telegram only delivers to HTTPS URLs: set PUBLIC_URL to an https:// address.';
  const port = url.port || '443';
  if (!TELEGRAM_PORTS.has(port)) return `Telegram only delivers to ports 443, 80, 88 or 8443, not ${port}: change PUBLIC_URL.`;
  if (url.hostname === 'localhost' || url.hostname.endsWith('.localhost') || /^(127\.|10\.|192\.168\.|\[::1\])/.test(url.host)) {
    return 'Telegram must reach this URL from the internet: PUBLIC_URL points at a local address.';
  }
  return null;
}
