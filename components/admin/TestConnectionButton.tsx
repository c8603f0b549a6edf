'use client';
import { Button } from '@/components/ui/Button';
import { AlertIcon, CheckIcon } from '@/components/ui/icons';
import { errorMessage } from '@/lib/client/api';
import { useTestInbox } from '@/lib/client/queries';

/** Asks the server to call the provider with the stored credentials and shows the answer in words. */
export function TestConnectionButton({ inboxId, size = 'md' }: { inboxId: string; size?: 'sm' | 'md' }) {
  const test = useTestInbox();
  const result = test.data;
  const failed = test.isError || (result && !result.ok);
  const message = test.isError ? errorMessage(test.error) : result?.message;

  return (
    <div className="flex min-w-0 items-center gap-2">
      <Button size={size} onClick={() => test.mutate(inboxId)} loading={test.isPending} data-testid="test-connection-button">
        Test connection
      </Button>
      <span role="status" className="min-w-0">
        {!test.isPending && message ? (
          <span
            data-testid="test-result"
            data-ok={failed ? 'false' : 'true'}
            className={`flex items-center gap-1 text-xs ${failed ? 'text-red-700' : 'text-green-700'}`}
          >
            {failed ? <AlertIcon size={14} className="shrink-0" /> : <CheckIcon size={14} className="shrink-0" />}
            <span>{message}</span>
          </span>
        ) : null}
      </span>
    </div>
  );
}
