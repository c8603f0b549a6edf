/**
 * Access tokens like the real platform: each fetch makes the account's earlier tokens stop working
 * tokenOverlapMs later (40001 "not latest"), and every token dies tokenTtlSeconds after issue (42001).
 */
import type { IncomingMessage } from 'node:http';
import { ipNotWhitelisted, wxError } from './api-errors';
import type { SimContext } from './context';
import { newAccessToken } from './ids';
import type { Account } from './types';

export function callerIp(req: IncomingMessage): string {
  return (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
}

/** GET /cgi-bin/token?grant_type=client_credential&appid&secret */
export function issueToken(ctx: SimContext, query: URLSearchParams, ip: string): { access_token: string; expires_in: number } {
  const appId = query.get('appid') ?? '';
  const log = (errcode: number, token?: string) => ctx.state.tokenLog.push({ appId, at: ctx.clock.now(), errcode, callerIp: ip, ...(token ? { token } : {}) });
  try {
    if (query.get('grant_type') !== 'client_credential') throw wxError(40002);
    const account = ctx.state.accounts.get(appId);
    if (!account) throw wxError(40013);
    if (query.get('secret') !== account.appSecret) throw wxError(40125);
    if (account.ipWhitelist && !account.ipWhitelist.includes(ip)) throw ipNotWhitelisted(ip);
    const forced = ctx.state.takeForced(appId, 'token');
    if (forced) throw wxError(forced.errcode, forced.errmsg);
  } catch (err) {
    log((err as { errcode?: number }).errcode ?? -1);
    throw err;
  }
  const now = ctx.clock.now();
  for (const old of ctx.state.tokens.values()) if (old.appId === appId && old.supersededAt === undefined) old.supersededAt = now;
  const token = newAccessToken();
  const ttl = ctx.options.tokenTtlSeconds;
  ctx.state.tokens.set(token, { token, appId, issuedAt: now, expiresAt: now + ttl * 1000, callerIp: ip });
  log(0, token);
  return { access_token: token, expires_in: ttl };
}

/** The account an API call acts as, or the errcode the platform would answer. */
export function authenticate(ctx: SimContext, query: URLSearchParams, ip: string): Account {
  const token = query.get('access_token');
  if (!token) throw wxError(41001);
  const record = ctx.state.tokens.get(token);
  if (!record) throw wxError(40001);
  const now = ctx.clock.now();
  if (record.supersededAt !== undefined && now >= record.supersededAt + ctx.options.tokenOverlapMs) throw wxError(40001);
  if (now >= record.expiresAt) throw wxError(42001);
  const account = ctx.state.accounts.get(record.appId);
  if (!account) throw wxError(40001);
  // The whitelist applies to every API call, not only to fetching tokens.
  if (account.ipWhitelist && !account.ipWhitelist.includes(ip)) throw ipNotWhitelisted(ip);
  return account;
}
