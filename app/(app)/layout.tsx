import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import { AppShell } from '@/components/shell/AppShell';
import { toShellUser } from '@/components/shell/types';
import { authOptions } from '@/lib/auth/options';
import { needsSetup } from '@/lib/domain/users';

// Every request reads the session cookie; nothing here can be prerendered.
export const dynamic = 'force-dynamic';

export default async function AuthenticatedLayout({ children }: { children: ReactNode }) {
  const session = await getServerSession(authOptions());
  if (!session?.user) {
    redirect((await needsSetup()) ? '/setup' : '/login');
  }
  const user = toShellUser(session.user as Record<string, unknown>);
  return <AppShell user={user}>{children}</AppShell>;
}
