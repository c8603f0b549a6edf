'use client';
import { useState } from 'react';
import { formatFull, relativeLong } from '@/components/format/time';
import { useNow } from '@/components/hooks/useNow';
import { Button } from '@/components/ui/Button';
import { EmptyState } from '@/components/ui/EmptyState';
import { ErrorState } from '@/components/ui/ErrorState';
import { KeyIcon } from '@/components/ui/icons';
import { Panel } from '@/components/ui/Panel';
import { TableSkeleton } from '@/components/ui/TableSkeleton';
import { useTokens } from '@/lib/client/queries';
import type { ApiToken } from '@/lib/client/types';
import { RevokeTokenDialog } from './RevokeTokenDialog';

export function TokenList() {
  const tokens = useTokens();
  const now = useNow();
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  let body;
  if (tokens.isPending) body = <TableSkeleton label="Loading tokens" rows={3} />;
  else if (tokens.isError) body = <ErrorState title="Could not load tokens" error={tokens.error} onRetry={() => tokens.refetch()} retrying={tokens.isRefetching} />;
  else if (tokens.data.length === 0) body = <EmptyState icon={<KeyIcon size={24} />} title="No API tokens" description="Create one to let a script or integration use the Switchboard API as you." />;
  else {
    body = (
      <table className="w-full text-left" data-testid="token-list">
        <thead className="border-b border-gray-200 text-xs text-gray-500">
          <tr>
            <th scope="col" className="px-4 py-2 font-medium">Name</th>
            <th scope="col" className="px-4 py-2 font-medium">Token</th>
            <th scope="col" className="px-4 py-2 font-medium">Created</th>
            <th scope="col" className="px-4 py-2 font-medium">Last used</th>
            <th scope="col" className="px-4 py-2"><span className="sr-only">Actions</span></th>
          </tr>
        </thead>
        <tbody className="divide-y divide-gray-100">
          {tokens.data.map((t) => (
            <tr key={t.id} data-testid="token-row" data-token-id={t.id}>
              <td className="px-4 py-2.5 font-medium text-gray-900">{t.name}</td>
              <td className="px-4 py-2.5"><code className="text-xs text-gray-600">{t.prefix}…</code></td>
              <td className="px-4 py-2.5 text-gray-600" title={formatFull(t.createdAt)}>{relativeLong(t.createdAt, now)}</td>
              <td className="px-4 py-2.5 text-gray-600">{t.lastUsedAt ? <span title={formatFull(t.lastUsedAt)}>{relativeLong(t.lastUsedAt, now)}</span> : <span className="text-gray-400">Never</span>}</td>
              <td className="px-4 py-2.5 text-right">
                <Button size="sm" variant="danger" onClick={() => setRevoking(t)} data-testid="revoke-token-button" aria-label={`Revoke ${t.name}`}>
                  Revoke
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  return (
    <Panel title="Your tokens">
      {body}
      <RevokeTokenDialog token={revoking} onClose={() => setRevoking(null)} />
    </Panel>
  );
}
