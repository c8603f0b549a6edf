/** The console's "submit" of a server URL: GET ?signature&timestamp&nonce&echostr, expecting echostr back exactly. */
import { sha1Signature } from './crypto';
import { newEchostr, newNonce } from './ids';
import type { Account } from './types';

export interface UrlVerifyResult {
  verified: boolean;
  /** HTTP status, or null when the request failed (network error, timeout). */
  status: number | null;
  body: string;
  echostr: string;
  error?: string;
}

export async function verifyServerUrl(account: Account, timestamp: number, timeoutMs = 5000): Promise<UrlVerifyResult> {
  const echostr = newEchostr();
  const nonce = newNonce();
  const url = new URL(account.webhookUrl!);
  const ts = String(timestamp);
  // Official Accounts use the plain signature and a plaintext echostr in every mode (WeCom encrypts it).
  for (const [name, value] of Object.entries({ signature: sha1Signature(account.token, ts, nonce), echostr, timestamp: ts, nonce })) {
    url.searchParams.set(name, value);
  }
  try {
    const res = await fetch(url, { headers: { 'User-Agent': 'Mozilla/4.0' }, signal: AbortSignal.timeout(timeoutMs) });
    const body = await res.text();
    return { verified: res.status === 200 && body === echostr, status: res.status, body: body.slice(0, 1000), echostr };
  } catch (err) {
    return { verified: false, status: null, body: '', echostr, error: err instanceof Error ? err.message : String(err) };
  }
}
