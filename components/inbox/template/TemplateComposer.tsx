'use client';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/Button';
import { Spinner } from '@/components/ui/Spinner';
import { AlertIcon } from '@/components/ui/icons';
import { errorMessage } from '@/lib/client/api';
import { useSendMessage, useTemplates } from '@/lib/client/queries';
import { splitTemplates, templateKey } from '@/lib/client/templates';
import type { Conversation, MessageTemplate } from '@/lib/client/types';
import { NoteToggle } from '../NoteToggle';
import { ReplyNotice } from '../ReplyNotice';
import type { WindowNow } from '../replyWindow';
import { TemplateForm } from './TemplateForm';
import { TemplateOptions } from './TemplateOptions';
import { missingParameters, parameterLabels, resizeParameters } from './templateText';

interface Props {
  conversation: Conversation;
  window: WindowNow;
  onWriteNote: () => void;
}

/** Reply box once the window closed on a channel with templates: pick an approved one, fill it in, send. */
export function TemplateComposer({ conversation, window, onWriteNote }: Props) {
  const templates = useTemplates(conversation.inboxId);
  const send = useSendMessage(conversation.id);
  const [picked, setPicked] = useState<MessageTemplate | null>(null);
  const [params, setParams] = useState<string[]>([]);
  const hintId = useId();

  const { approved, otherCount } = splitTemplates(templates.data ?? []);
  const missing = picked ? missingParameters(params, picked.parameterCount) : [];
  const canSend = picked !== null && missing.length === 0 && !send.isPending;
  const state = templates.isPending ? 'loading' : templates.isError ? 'error' : approved.length === 0 ? 'empty' : 'ready';

  function pick(t: MessageTemplate) {
    setPicked(t);
    setParams((old) => resizeParameters(old, t.parameterCount));
    send.reset();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!canSend || !picked) return;
    const template = { name: picked.name, language: picked.language, parameters: resizeParameters(params, picked.parameterCount).map((p) => p.trim()) };
    send.mutate({ template }, {
      onSuccess: () => {
        setPicked(null);
        setParams([]);
      },
    });
  }

  const missingLabels = picked ? missing.map((n) => parameterLabels(picked)[n - 1]) : [];
  return (
    <form aria-label="Send a template" onSubmit={submit} data-testid="template-picker" data-state={state} className="flex flex-col border-t border-gray-200 bg-white px-4 pt-2 pb-3">
      <ReplyNotice error={send.isError ? errorMessage(send.error) : null} window={window} unreachable={false} isNote={false} templates onWriteNote={onWriteNote} />
      {state === 'loading' ? <Spinner label="Loading templates…" className="py-2 text-sm" /> : null}
      {state === 'error' ? (
        <div role="alert" data-testid="templates-error" className="flex flex-wrap items-center gap-2 py-1 text-xs text-red-800">
          <AlertIcon size={14} className="shrink-0" />
          Could not load the templates: {errorMessage(templates.error)}
          <Button size="sm" onClick={() => templates.refetch()} loading={templates.isRefetching}>
            Retry
          </Button>
        </div>
      ) : null}
      {state === 'empty' ? (
        <p data-testid="templates-empty" className="py-1 text-sm text-gray-700">
          No approved templates on this account.
          {otherCount > 0 ? <span className="text-gray-500"> {otherCount === 1 ? 'One template is' : `${otherCount} templates are`} pending review or rejected.</span> : null}
        </p>
      ) : null}
      {state === 'ready' ? (
        <div className="flex flex-col gap-3">
          <TemplateOptions templates={approved} value={picked ? templateKey(picked) : null} onChange={pick} name={`template-${conversation.id}`} />
          {picked ? <TemplateForm template={picked} params={params} onParamChange={(i, v) => setParams((old) => old.map((p, j) => (j === i ? v : p)))} /> : null}
        </div>
      ) : null}
      <div className="mt-2 flex items-center gap-3">
        <NoteToggle isNote={false} onChange={onWriteNote} />
        <span id={hintId} className="min-w-0 truncate text-xs text-gray-500">
          {!picked ? (state === 'ready' ? 'Pick a template to send' : '') : missingLabels.length ? `Fill in ${missingLabels.join(', ')} to send` : 'Ready to send'}
        </span>
        <span className="sr-only" aria-live="polite">
          {send.isPending ? 'Sending' : ''}
        </span>
        <Button
          type="submit"
          variant="primary"
          className="ml-auto"
          disabled={!canSend}
          loading={send.isPending}
          aria-describedby={hintId}
          data-testid="send-template-button"
        >
          {send.isPending ? 'Sending…' : 'Send template'}
        </Button>
      </div>
    </form>
  );
}
