import { AlertIcon, CheckIcon, ClockIcon, DoubleCheckIcon } from '@/components/ui/icons';
import { Spinner } from '@/components/ui/Spinner';
import { cn } from '@/components/ui/cn';
import type { MessageStatus } from '@/lib/client/types';

const LABEL: Record<MessageStatus, string> = {
  received: 'Received',
  queued: 'Queued',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  read: 'Read',
  failed: 'Failed',
};

function StatusIcon({ status }: { status: MessageStatus }) {
  switch (status) {
    case 'queued':
      return <ClockIcon size={13} />;
    case 'sending':
      return <Spinner size={11} />;
    case 'sent':
      return <CheckIcon size={13} />;
    case 'delivered':
    case 'read':
      return <DoubleCheckIcon size={14} />;
    case 'failed':
      return <AlertIcon size={13} />;
    default:
      return null;
  }
}

/** Where an outbound reply is: queued (clock), sending, sent ✓, delivered ✓✓, read ✓✓ blue, failed (red). */
export function DeliveryState({ status }: { status: MessageStatus }) {
  const failed = status === 'failed';
  return (
    <span
      data-testid="message-status"
      data-status={status}
      title={LABEL[status]}
      className={cn(
        'inline-flex items-center gap-1',
        status === 'read' ? 'text-blue-600' : failed ? 'font-medium text-red-700' : 'text-gray-500',
      )}
    >
      <StatusIcon status={status} />
      {/* Failed is spelled out; the others are icons with the word for screen readers. */}
      <span className={failed ? undefined : 'sr-only'}>{LABEL[status]}</span>
    </span>
  );
}
