import type { ReactNode } from 'react';
import { InboxIcon, KeyIcon, PlugIcon, UsersIcon } from '@/components/ui/icons';
import { NavLink } from './NavLink';
import type { ShellUser } from './types';
import { UserMenu } from './UserMenu';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <p className="px-2 pt-4 pb-1 text-[11px] font-semibold tracking-wide text-gray-500 uppercase">{title}</p>
      {children}
    </div>
  );
}

/** Left navigation; admin pages are listed only for admins (the pages check again). */
export function Nav({ user }: { user: ShellUser }) {
  return (
    <nav aria-label="Main" data-testid="nav" className="flex w-44 shrink-0 flex-col xl:w-48 border-r border-gray-200 bg-gray-50 px-2 py-3">
      <div className="flex items-center gap-2 px-2 pb-3 text-indigo-600">
        <InboxIcon size={18} />
        <span className="font-semibold text-gray-900">Switchboard</span>
      </div>
      <NavLink href="/inbox" icon={<InboxIcon />} testId="nav-inbox">
        Inbox
      </NavLink>
      {user.role === 'admin' ? (
        <Section title="Admin">
          <NavLink href="/admin/inboxes" icon={<PlugIcon />} testId="nav-admin-inboxes">
            Inboxes
          </NavLink>
          <NavLink href="/admin/users" icon={<UsersIcon />} testId="nav-admin-users">
            Users
          </NavLink>
        </Section>
      ) : null}
      <Section title="Settings">
        <NavLink href="/settings/tokens" icon={<KeyIcon />} testId="nav-settings-tokens">
          API tokens
        </NavLink>
      </Section>
      <div className="mt-auto">
        <UserMenu user={user} />
      </div>
    </nav>
  );
}
