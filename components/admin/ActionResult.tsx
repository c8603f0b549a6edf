import { AlertIcon, CheckIcon } from '@/components/ui/icons';

interface Props {
  /** Hidden while the action runs, so an old answer is not mistaken for the new one. */
  pending: boolean;
  ok: boolean;
  message: string | undefined;
  testId: string;
}

/** The server's answer to an admin action (test, register), in words, announced politely. */
export function ActionResult({ pending, ok, message, testId }: Props) {
  return (
    <span role="status" className="min-w-0">
      {!pending && message ? (
        <span data-testid={testId} data-ok={ok ? 'true' : 'false'} className={`flex items-start gap-1 text-xs ${ok ? 'text-green-700' : 'text-red-700'}`}>
          {ok ? <CheckIcon size={14} className="mt-px shrink-0" /> : <AlertIcon size={14} className="mt-px shrink-0" />}
          <span className="break-words">{message}</span>
        </span>
      ) : null}
    </span>
  );
}
