'use client';
import { Button } from '@/components/ui/Button';
import { errorMessage } from '@/lib/client/api';
import { useTestInbox } from '@/lib/client/queries';
import { ActionResult } from './ActionResult';

/** Asks the server to call the provider with the stored credentials and shows the answer in words. */
export function TestConnectionButton({ inboxId, size = 'md' }: { inboxId: string; size?: 'sm' | 'md' }) {
  const test = useTestInbox();
  const ok = !test.isError && test.data?.ok === true;
  const message = test.isError ? errorMessage(test.error) : test.data?.message;

  return (
    <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
      <Button size={size} onClick={() => test.mutate(inboxId)} loading={test.isPending} data-testid="test-connection-button">
        Test connection
      </Button>
      <ActionResult pending={test.isPending} ok={ok} message={message} testId="test-result" />
    </div>
  );
}
