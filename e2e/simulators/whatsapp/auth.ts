/** Who a request acts as: Cloud API Bearer tokens (190 on a bad one) or 360dialog D360-API-KEY. */
import type { IncomingMessage } from 'node:http';
import type { SimulatorContext } from './context';
import type { Account } from './types';
import { D360AuthError, waErrors } from './wa-errors';

export function bearerToken(req: IncomingMessage, url: URL): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  return url.searchParams.get('access_token') ?? undefined;
}

/**
 * Cloud API: the numbers a token may act for, narrowed to the one the path names (`pick`).
 * Unknown token → 190 (HTTP 401); a number the token cannot see → 100 "does not exist".
 */
export function authenticateCloud(ctx: SimulatorContext, req: IncomingMessage, url: URL, node: string, pick: (a: Account) => boolean): Account {
  const token = bearerToken(req, url);
  const accounts = token ? ctx.state.accountsByToken(token) : [];
  if (accounts.length === 0) throw waErrors.invalidToken();
  const account = accounts.find(pick);
  if (!account) throw waErrors.unknownObject(node);
  if (account.tokenExpired) throw waErrors.expiredToken();
  return account;
}

/** 360dialog: the per-number key; a bad or missing key → 401 in 360dialog's own envelope. */
export function authenticate360(ctx: SimulatorContext, req: IncomingMessage): Account {
  const key = req.headers['d360-api-key'];
  const account = typeof key === 'string' ? ctx.state.accountByApiKey(key) : undefined;
  if (!account || account.tokenExpired) throw new D360AuthError('Invalid api key');
  return account;
}

/** The numbers either credential speaks for (media downloads accept both). */
export function credentialAccounts(ctx: SimulatorContext, req: IncomingMessage, url: URL): Account[] {
  const token = bearerToken(req, url);
  if (token) return ctx.state.accountsByToken(token).filter((a) => !a.tokenExpired);
  const key = req.headers['d360-api-key'];
  const account = typeof key === 'string' ? ctx.state.accountByApiKey(key) : undefined;
  return account && !account.tokenExpired ? [account] : [];
}
