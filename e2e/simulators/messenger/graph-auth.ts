/** Access-token and appsecret_proof checks shared by every Graph endpoint. */
import type { IncomingMessage } from 'node:http';
import type { SimulatorContext } from './context';
import { graphErrors } from './graph-errors';
import { appsecretProof } from './signing';
import type { Page } from './types';

/** Graph takes the token from ?access_token= or an "Authorization: Bearer" header. */
export function accessTokenOf(req: IncomingMessage, url: URL): string | undefined {
  const fromQuery = url.searchParams.get('access_token');
  if (fromQuery) return fromQuery;
  const auth = req.headers.authorization;
  return auth?.startsWith('Bearer ') ? auth.slice(7).trim() : undefined;
}

/** The page a request acts as, or the Graph error Meta would return (190 token, 100 proof). */
export function authenticatePage(ctx: SimulatorContext, req: IncomingMessage, url: URL): Page {
  const token = accessTokenOf(req, url);
  if (!token) {
    throw graphErrors.param('An active access token must be used to query information about the current user.');
  }
  const page = ctx.state.pageByToken(token);
  if (!page) throw graphErrors.invalidToken();
  if (page.tokenExpired) throw graphErrors.expiredToken();
  const proof = url.searchParams.get('appsecret_proof');
  if (proof !== null && proof !== appsecretProof(page.appSecret, token)) throw graphErrors.invalidProof();
  return page;
}
