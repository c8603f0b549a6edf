'use client';
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { Button } from '@/components/ui/Button';
import { LogOutIcon } from '@/components/ui/icons';
import type { ShellUser } from './types';

const ROLE_LABEL = { admin: 'Admin', manager: 'Manager', agent: 'Agent' } as const;

/** Who is signed in, and the way out. */
export function UserMenu({ user }: { user: ShellUser }) {
  const [leaving, setLeaving] = useState(false);
  return (
    <div data-testid="user-menu" className="flex flex-col gap-2 border-t border-gray-200 px-2 pt-3">
      <div className="min-w-0">
        <p className="truncate font-medium text-gray-900" data-testid="user-name" title={user.email}>
          {user.name}
        </p>
        <p className="text-xs text-gray-500" data-testid="user-role">
          {ROLE_LABEL[user.role]}
        </p>
      </div>
      <Button
        variant="ghost"
        size="sm"
        className="justify-start px-1"
        loading={leaving}
        data-testid="sign-out-button"
        onClick={() => {
          setLeaving(true);
          void signOut({ callbackUrl: '/login' });
        }}
      >
        {leaving ? null : <LogOutIcon size={14} />}
        Sign out
      </Button>
    </div>
  );
}
