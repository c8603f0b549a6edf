import { PaperclipIcon } from '@/components/ui/icons';
import type { Attachment, AttachmentKind } from '@/lib/client/types';
import { safeHttpUrl } from './safeUrl';

const KIND_LABEL: Record<AttachmentKind, string> = {
  image: 'Image',
  video: 'Video',
  audio: 'Audio',
  file: 'File',
  sticker: 'Sticker',
  link: 'Link',
};

/** An attachment as a link that opens in a new tab; remote media is never embedded in the page. */
export function AttachmentLink({ attachment: a }: { attachment: Attachment }) {
  const kind = KIND_LABEL[a.kind] ?? 'Attachment';
  const name = a.title || a.name;
  const href = safeHttpUrl(a.url);
  const content = (
    <>
      <PaperclipIcon size={14} className="shrink-0" />
      <span className="min-w-0 truncate">{name ?? kind}</span>
      {name ? <span className="shrink-0 text-xs text-gray-500">({kind.toLowerCase()})</span> : null}
    </>
  );
  const common = 'flex max-w-full items-center gap-1.5 rounded border border-gray-200 bg-white/70 px-2 py-1';

  if (!href) {
    return (
      <span className={`${common} text-gray-500`} data-testid="message-attachment" data-kind={a.kind}>
        {content}
        <span className="shrink-0 text-xs">unavailable</span>
      </span>
    );
  }
  return (
    <a
      href={href}
      target="_blank"
      rel="noopener noreferrer"
      className={`${common} text-indigo-700 hover:underline`}
      data-testid="message-attachment"
      data-kind={a.kind}
    >
      {content}
      <span className="sr-only">(opens in a new tab)</span>
    </a>
  );
}
