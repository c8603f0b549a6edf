import type { ReactNode } from 'react';
import { InboxIcon } from '@/components/ui/icons';

/** Centered card used by the sign-in and first-run screens. */
export function AuthCard({ title, subtitle, children }: { title: string; subtitle?: string; children: ReactNode }) {
  return (
    <main className="flex min-h-full items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-indigo-600">
          <InboxIcon size={22} />
          <span className="text-base font-semibold text-gray-900">Switchboard</span>
        </div>
        <div className="rounded-lg border border-gray-200 bg-white p-6 shadow-sm">
          <h1 className="text-base font-semibold text-gray-900">{title}</h1>
          {subtitle ? <p className="mt-1 text-gray-500">{subtitle}</p> : null}
          <div className="mt-5">{children}</div>
        </div>
      </div>
    </main>
  );
}
