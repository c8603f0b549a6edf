'use client';
import { Button } from '@/components/ui/Button';
import { Dialog } from '@/components/ui/Dialog';
import { errorMessage } from '@/lib/client/api';
import { useRevokeToken } from '@/lib/client/queries';
import type { ApiToken } from '@/lib/client/types';

/** Confirms before revoking: anything using the token stops working at once. */
export function RevokeTokenDialog({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const revoke = useRevokeToken();
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Dialog
      open={token !== null}
      onClose={close}
      title="Revoke API token?"
      testId="revoke-token-dialog"
      footer={
        <>
          <Button onClick={close}>Cancel</Button>
          <Button
            variant="danger"
            loading={revoke.isPending}
            data-testid="confirm-revoke-button"
            onClick={() => token && revoke.mutate(token.id, { onSuccess: close })}
          >
            Revoke token
          </Button>
        </>
      }
    >
      <p className="text-gray-700">
        Scripts and integrations using <b>{token?.name}</b> (<code>{token?.prefix}…</code>) will stop working immediately. This cannot be undone.
      </p>
      {revoke.isError ? (
        <p role="alert" className="mt-2 text-red-700">
          {errorMessage(revoke.error)}
        </p>
      ) : null}
    </Dialog>
  );
}
