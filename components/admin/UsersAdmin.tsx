'use client';
import { PageContainer } from '@/components/ui/PageContainer';
import { PageHeader } from '@/components/ui/PageHeader';
import { AdminOnly } from './AdminOnly';
import { NewUserForm } from './NewUserForm';
import { UserList } from './UserList';

/** Admin › Users: the team, and a form to add someone. */
export function UsersAdmin() {
  return (
    <AdminOnly>
      <PageContainer>
        <PageHeader title="Users" description="Everyone who can sign in to Switchboard, and what they may do." />
        <div className="grid grid-cols-[minmax(0,1fr)_320px] items-start gap-5">
          <UserList />
          <NewUserForm />
        </div>
      </PageContainer>
    </AdminOnly>
  );
}
