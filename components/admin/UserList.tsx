'use client';
import { Badge } from '@/components/ui/Badge';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorState } from '@/components/ui/ErrorState';
import { Panel } from '@/components/ui/Panel';
import { TableSkeleton } from '@/components/ui/TableSkeleton';
import { useMe, useUsers } from '@/lib/client/queries';

const ROLE_TONE = { admin: 'indigo', manager: 'blue', agent: 'gray' } as const;
const ROLE_LABEL = { admin: 'Admin', manager: 'Manager', agent: 'Agent' } as const;

export function UserList() {
  const users = useUsers();
  const me = useMe();

  let body;
  if (users.isPending) body = <TableSkeleton label="Loading users" />;
  else if (users.isError) body = <ErrorState title="Could not load users" error={users.error} onRetry={() => users.refetch()} retrying={users.isRefetching} />;
  else if (users.data.length === 0) body = <EmptyState title="No users yet" />;
  else {
    body = (
      <table className="w-full text-left" data-testid="user-list">
        <thead className="border-b border-gray-200 text-xs text-gray-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Name</th>
            <th scope="col" className="px-4 py-2 font-medium">Email</th>
            <th scope="col" className="px-4 py-2 font-medium">Role</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {users.data.map((u) => (
            <tr key={u.id} data-testid="user-row" data-user-id={u.id}>
              <td className="px-4 py-2.5 font-medium text-gray-900">
                {u.name}
                {me.data?.id === u.id ? <span className="ml-1 font-normal text-gray-500">(you)</span> : null}
              </td>
              <td className="px-4 py-2.5 text-gray-700">{u.email}</td>
              <td className="px-4 py-2.5">
                <Badge tone={ROLE_TONE[u.role]}>{ROLE_LABEL[u.role]}</Badge>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return <Panel title="Team">{body}</Panel>;
}
