/**
 * next-auth configuration: credentials sign-in against User.passwordHash, JWT sessions signed
 * with a key derived from APP_SECRET (NEXTAUTH_SECRET is set from it by lib/auth/secret.ts).
 */
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { authenticate } from '@/lib/domain/users';
import { sessionSecret } from './secret';

const credentials = z.object({ email: z.string().trim().toLowerCase().email(), password: z.string().min(1).max(1024) });

export function authOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email and password',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(input) {
          const parsed = credentials.safeParse(input);
          if (!parsed.success) return null;
          const user = await authenticate(parsed.data.email, parsed.data.password);
          return user ? { id: user.id, email: user.email, name: user.name, role: user.role } : null;
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.sub = user.id;
          token.role = (user as { role?: string }).role;
        }
        return token;
      },
      session({ session, token }) {
        if (session.user) Object.assign(session.user, { id: token.sub, role: token.role });
        return session;
      },
    },
  };
}
