import type { Message } from '@/lib/client/types';
import { AttachmentLink } from './AttachmentLink';
import { LocationLink } from './LocationLink';

/** Text (as plain text: never HTML), then attachments and location as links. */
export function MessageBody({ message: m }: { message: Message }) {
  const empty = !m.text && m.attachments.length === 0 && !m.location;
  return (
    <div className="flex flex-col gap-1.5">
      {m.text ? (
        <p className="break-words whitespace-pre-wrap" data-testid="message-text">
          {m.text}
        </p>
      ) : null}
      {m.attachments.map((a, i) => (
        <AttachmentLink key={`${a.url ?? ''}-${i}`} attachment={a} />
      ))}
      {m.location ? <LocationLink location={m.location} /> : null}
      {empty ? <p className="text-gray-500 italic">Unsupported message</p> : null}
    </div>
  );
}
