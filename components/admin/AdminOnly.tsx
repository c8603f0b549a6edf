'use client';
import type { ReactNode } from 'react';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorState } from '@/components/ui/ErrorState';
import { LockIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/Spinner';
import { useMe } from '@/lib/client/queries';

/** Renders its children for admins only; everyone else learns why they cannot see the page. */
export function AdminOnly({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) {
    return (
      <div className="flex h-full items-center justify-center">
        <Spinner label="Loading…" />
      </div>
    );
  }
  if (me.isError) return <ErrorState title="Could not check your permissions" error={me.error} onRetry={() => me.refetch()} retrying={me.isRefetching} />;
  if (me.data.role !== 'admin') {
    return (
      <div data-testid="admin-required" className="h-full">
        <EmptyState
          className="h-full"
          icon={<LockIcon size={24} />}
          title="You need the admin role"
          description="Only admins can manage inboxes and users. Ask an admin of your workspace if you need access."
        />
      </div>
    );
  }
  return <>{children}</>;
}
