import { formatClock, formatFull } from '@/components/format/time';
import type { Message } from '@/lib/client/types';
import { DeliveryState } from './DeliveryState';

/** Under a bubble: who sent it (outbound), when, "(edited)" for customer edits, and the delivery state. */
export function MessageMeta({ message: m, outbound, showStatus }: { message: Message; outbound: boolean; showStatus: boolean }) {
  return (
    <div className="flex items-center gap-1.5 px-1 text-xs text-gray-500">
      {outbound && m.author ? <span>{m.author.name}</span> : null}
      {outbound && m.author ? <span aria-hidden="true">·</span> : null}
      <time dateTime={m.timestamp} title={formatFull(m.timestamp)}>
        {formatClock(m.timestamp)}
      </time>
      {m.editedAt ? (
        <span data-testid="message-edited" title={`Edited ${formatFull(m.editedAt)}`}>
          (edited<span className="sr-only"> {formatFull(m.editedAt)}</span>)
        </span>
      ) : null}
      {showStatus && m.status ? <DeliveryState status={m.status} /> : null}
    </div>
  );
}
