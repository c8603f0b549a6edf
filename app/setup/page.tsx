import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/auth/AuthCard';
import { SetupForm } from '@/components/auth/SetupForm';
import { setupCodeRequired } from '@/lib/auth/setup-gate';
import { needsSetup } from '@/lib/domain/users';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Set up' };

async function stillNeedsSetup(): Promise<boolean> {
  try {
    return await needsSetup();
  } catch {
    // Show the form anyway; the API answers 409 if an account already exists.
    return true;
  }
}

export default async function SetupPage() {
  if (!(await stillNeedsSetup())) redirect('/login');
  return (
    <AuthCard title="Welcome to Switchboard" subtitle="Create the first admin account. You can invite your team afterwards.">
      <SetupForm codeRequired={setupCodeRequired(await headers())} />
    </AuthCard>
  );
}
