'use client';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/Button';
import { errorMessage } from '@/lib/client/api';
import { useRetryInboundEvent } from '@/lib/client/queries';
import type { FailedInboundEvent } from '@/lib/client/types';
import { ActionResult } from './ActionResult';

/** One dead-letter webhook event and its Retry button. */
export function FailedEventRow({ event: e, inboxName, received }: { event: FailedInboundEvent; inboxName: string; received: ReactNode }) {
  const retry = useRetryInboundEvent();
  return (
    <tr data-testid="failed-event-row" data-event-id={e.id} className="align-top">
      <td className="px-4 py-3 font-medium text-gray-900">{inboxName}</td>
      <td className="px-4 py-3 whitespace-nowrap text-gray-600">{received}</td>
      <td className="px-4 py-3 text-xs break-words text-red-700">{e.error ?? 'Unknown error'}</td>
      <td className="px-4 py-3 text-gray-600">{e.attempts}</td>
      <td className="px-4 py-3">
        <div className="flex flex-col items-start gap-1.5">
          <Button size="sm" onClick={() => retry.mutate(e.id)} loading={retry.isPending} data-testid="failed-event-retry">
            Retry
          </Button>
          <ActionResult pending={retry.isPending} ok={retry.isSuccess} message={retry.isError ? errorMessage(retry.error) : retry.isSuccess ? 'Queued again' : undefined} testId="failed-event-retry-result" />
        </div>
      </td>
    </tr>
  );
}
