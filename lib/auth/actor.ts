/**
 * Who is calling: an API token (`Authorization: Bearer sbk_...`) or the next-auth session cookie.
 * Shared by route handlers and the Socket.IO handshake.
 */
import { decode } from 'next-auth/jwt';
import type { Actor } from '@/lib/domain/actor';
import { actorForToken } from '@/lib/domain/tokens';
import { sessionSecret } from './secret';
import { currentSessionUser } from './session-check';

const SESSION_COOKIES = ['__Secure-next-auth.session-token', 'next-auth.session-token'];

export function parseCookies(header: string | null | undefined): Map<string, string> {
  const map = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0) map.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
  }
  return map;
}

export async function actorFromSessionCookie(cookieHeader: string | null | undefined): Promise<Actor | null> {
  const cookies = parseCookies(cookieHeader);
  const raw = SESSION_COOKIES.map((n) => cookies.get(n)).find(Boolean);
  if (!raw) return null;
  const token = await decode({ token: raw, secret: sessionSecret() }).catch(() => null);
  if (!token?.sub) return null;
  return currentSessionUser(token);
}

export async function actorFromBearer(authorization: string | null | undefined): Promise<Actor | null> {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  return m ? actorForToken(m[1]) : null;
}

export async function resolveActor(headers: { get(name: string): string | null }): Promise<Actor | null> {
  const authorization = headers.get('authorization');
  if (authorization) return actorFromBearer(authorization);
  return actorFromSessionCookie(headers.get('cookie'));
}
