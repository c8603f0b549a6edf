import { Badge } from '@/components/ui/Badge';
import type { ConversationStatus } from '@/lib/client/types';
import { STATUS_LABEL } from './labels';

const TONE = { open: 'green', pending: 'amber', snoozed: 'blue', resolved: 'gray' } as const;

export function StatusBadge({ status }: { status: ConversationStatus }) {
  return (
    <Badge tone={TONE[status]} data-testid="conversation-status">
      <span className="sr-only">Status: </span>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
