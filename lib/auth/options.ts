/**
 * next-auth configuration: credentials sign-in against User.passwordHash, JWT sessions signed
 * with a key derived from APP_SECRET (NEXTAUTH_SECRET is set from it by lib/auth/secret.ts).
 * Sign-in is throttled (lib/auth/sign-in.ts); a refusal travels to the login page as `?error=<code>`.
 * Every session read re-checks the user: disabled, or signed before the last password change
 * (User.sessionVersion), ends the session and clears its cookie.
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { logger } from '@/lib/logger';
import { clientAddress } from './client-address';
import { sessionSecret } from './secret';
import { currentSessionUser, SessionRevoked } from './session-check';
import { SIGN_IN_ERROR, SignInRefused, signInWithPassword } from './sign-in';

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(1024) });

type Headers = Record<string, string | string[] | undefined>;

/** The provider's authorize: a user, null (wrong credentials), or an Error whose message is a code. */
export async function authorizeCredentials(input: unknown, req: { headers?: Headers } | undefined, now?: () => Date) {
  const parsed = credentials.safeParse(input);
  if (!parsed.success) return null;
  try {
    const user = await signInWithPassword({ ...parsed.data, address: clientAddress(req?.headers) }, now);
    return { id: user.id, email: user.email, name: user.name, role: user.role, sessionVersion: user.sessionVersion };
  } catch (err) {
    if (!(err instanceof SignInRefused)) {
      logger.error({ err }, 'sign-in failed on our side');
      throw new Error('unavailable'); // never an internal message in the redirect URL
    }
    const { refusal } = err;
    if (refusal.reason === 'invalid') return null;
    throw new Error(refusal.reason === 'locked' ? SIGN_IN_ERROR.locked(refusal.minutes) : SIGN_IN_ERROR.busy);
  }
}

export function authOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/login', error: '/login' }, // refusals (`?error=locked:15`) show on the login form
    logger: {
      error(code, metadata) {
        const revoked = (metadata as { message?: string } | undefined)?.message === SessionRevoked.message;
        if (revoked) logger.debug({ code }, 'session revoked');
        else logger.error({ code, metadata }, 'next-auth error');
      },
      warn(code) {
        logger.warn({ code }, 'next-auth warning');
      },
      debug() {},
    },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        authorize: (input, req) => authorizeCredentials(input, req as { headers?: Headers }),
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
          return token;
        }
        // A database hiccup keeps the session (every API call re-checks it); a revoked one ends here.
        const current = await currentSessionUser(token).catch(() => undefined);
        if (current === undefined) return token;
        if (!current) throw SessionRevoked; // next-auth clears the cookie
        token.role = current.role;
        return token;
      },
      session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.sub, role: token.role });
        return session;
      },
    },
  };
}
