'use client';
import { useState, type KeyboardEvent, type Ref } from 'react';
import { useNow } from '@/components/hooks/useNow';
import { Button } from '@/components/ui/Button';
import { cn } from '@/components/ui/cn';
import { errorMessage, isApiError } from '@/lib/client/api';
import { useSendMessage } from '@/lib/client/queries';
import type { Conversation } from '@/lib/client/types';
import { NoteToggle } from './NoteToggle';
import { ReplyNotice } from './ReplyNotice';
import { windowNow } from './replyWindow';
import { TemplateComposer } from './template/TemplateComposer';
import { useDraft } from './useDraft';
import { useTextareaFocus } from './useTextareaFocus';

/**
 * Reply or private note. Enter (or Ctrl/Cmd+Enter) sends, Shift+Enter adds a line, Esc leaves the box.
 * Once the reply window closed on a channel that still takes templates, replies become a template picker.
 */
export function ReplyBox({ conversation, ref }: { conversation: Conversation; ref?: Ref<HTMLTextAreaElement> }) {
  const [text, setText] = useDraft(conversation.id);
  const [isNote, setIsNote] = useState(false);
  const { setTextarea, requestFocus } = useTextareaFocus(ref);
  // "Write a private note" moves focus into the note box, so keyboard users land where they meant to.
  const writeNote = () => {
    setIsNote(true);
    requestFocus();
  };
  const send = useSendMessage(conversation.id);
  const replyWindow = windowNow(conversation.window, useNow());
  // The API refuses replies with 422 `unreachable` even before the conversation refetch says so.
  const unreachable = Boolean(conversation.contact.unreachable) || isApiError(send.error, 'unreachable');
  // Notes stay possible when the customer cannot be messaged; replies do not.
  const blocked = !isNote && (!replyWindow.open || unreachable);
  const canSend = text.trim().length > 0 && !blocked && !send.isPending;
  const templatesOnly = blocked && !unreachable && (conversation.window.allowedWhenClosed ?? []).includes('template');

  function submit() {
    const body = text.trim();
    if (!canSend) return;
    setText('');
    send.mutate(
      { text: body, ...(isNote ? { private: true } : {}) },
      // Give the text back if it did not go out, unless the agent already typed something new.
      { onError: () => setText((current) => current || body) },
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Escape') {
      event.currentTarget.blur();
      return;
    }
    if (event.key !== 'Enter' || event.shiftKey || event.nativeEvent.isComposing) return;
    event.preventDefault();
    submit();
  }

  if (templatesOnly) return <TemplateComposer conversation={conversation} window={replyWindow} onWriteNote={writeNote} />;

  const error = send.isError ? errorMessage(send.error) : null;
  return (
    <form
      aria-label={isNote ? 'Add a private note' : 'Reply'}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
      className="border-t border-gray-200 bg-white px-4 pt-2 pb-3"
    >
      <ReplyNotice error={error} window={replyWindow} unreachable={unreachable} isNote={isNote} onWriteNote={writeNote} />
      <textarea
        ref={setTextarea}
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          if (send.isError) send.reset();
        }}
        onKeyDown={onKeyDown}
        disabled={blocked}
        rows={3}
        data-testid="reply-box"
        data-mode={isNote ? 'note' : 'reply'}
        aria-label={isNote ? 'Private note (only your team sees it)' : 'Reply to the customer'}
        aria-describedby="reply-hint"
        placeholder={blocked ? 'Replies are unavailable right now' : isNote ? 'Write a private note for your team…' : 'Write a reply…'}
        className={cn(
          'block max-h-60 min-h-[72px] w-full resize-y rounded-md border px-3 py-2 text-sm placeholder:text-gray-400',
          'focus:outline-none focus:ring-2 disabled:cursor-not-allowed disabled:bg-gray-100',
          isNote ? 'border-amber-300 bg-amber-50 focus:ring-amber-400/40' : 'border-gray-300 focus:border-indigo-500 focus:ring-indigo-500/30',
        )}
      />
      <div className="mt-2 flex items-center gap-3">
        <NoteToggle isNote={isNote} onChange={setIsNote} />
        <span id="reply-hint" className="text-xs text-gray-500">
          Enter to send · Shift+Enter for a new line
        </span>
        <span className="sr-only" aria-live="polite">
          {send.isPending ? 'Sending' : ''}
        </span>
        <Button type="submit" variant="primary" className="ml-auto" disabled={!canSend} loading={send.isPending} data-testid="send-button">
          {send.isPending ? 'Sending…' : isNote ? 'Add note' : 'Send'}
        </Button>
      </div>
    </form>
  );
}
