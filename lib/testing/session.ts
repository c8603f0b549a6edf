/** A real next-auth session cookie for a user, made the way sign-in makes it (the app's jwt callback). */
import { encode, type JWT } from 'next-auth/jwt';
import { authOptions } from '@/lib/auth/options';
import { sessionSecret } from '@/lib/auth/secret';

export async function sessionCookieFor(user: { id: string; email: string; name: string; role: string }): Promise<string> {
  const jwt = authOptions().callbacks!.jwt!;
  const token = await jwt({ token: { sub: user.id, name: user.name, email: user.email }, user: { ...user }, account: null, trigger: 'signIn' } as Parameters<typeof jwt>[0]);
  return `next-auth.session-token=${await encode({ token: token as JWT, secret: sessionSecret() })}`;
}
