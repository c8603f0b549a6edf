/** Meta's "Verify and save": GET the callback with hub.* params and expect the challenge echoed exactly. */
import { randomDigits } from './ids';

export interface HandshakeResult {
  verified: boolean;
  /** HTTP status, or null when the request failed (network error, timeout). */
  status: number | null;
  body: string;
  challenge: string;
  error?: string;
}

export async function verifyWebhook(webhookUrl: string, verifyToken: string, timeoutMs = 10_000): Promise<HandshakeResult> {
  const challenge = randomDigits(10);
  const url = new URL(webhookUrl);
  url.searchParams.set('hub.mode', 'subscribe');
  url.searchParams.set('hub.challenge', challenge);
  url.searchParams.set('hub.verify_token', verifyToken);
  try {
    const res = await fetch(url, {
      headers: { 'User-Agent': 'facebookplatform/1.0 (+http://developers.facebook.com)' },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await res.text();
    return { verified: res.status === 200 && body === challenge, status: res.status, body, challenge };
  } catch (err) {
    return { verified: false, status: null, body: '', challenge, error: err instanceof Error ? err.message : String(err) };
  }
}
