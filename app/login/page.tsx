import type { Metadata } from 'next';
import { getServerSession } from 'next-auth';
import { redirect } from 'next/navigation';
import { Suspense } from 'react';
import { AuthCard } from '@/components/auth/AuthCard';
import { LoginForm } from '@/components/auth/LoginForm';
import { authOptions } from '@/lib/auth/options';
import { needsSetup } from '@/lib/domain/users';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Sign in' };

async function firstRun(): Promise<boolean> {
  try {
    return await needsSetup();
  } catch {
    // If the check fails, still offer sign-in rather than an error page.
    return false;
  }
}

export default async function LoginPage() {
  const session = await getServerSession(authOptions());
  if (session?.user) redirect('/inbox');
  if (await firstRun()) redirect('/setup');
  return (
    <AuthCard title="Sign in" subtitle="Use the email and password your admin gave you.">
      <Suspense>
        <LoginForm />
      </Suspense>
    </AuthCard>
  );
}
