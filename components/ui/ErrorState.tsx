import { errorMessage } from '@/lib/client/api';
import { Button } from './Button';
import { cn } from './cn';
import { AlertIcon } from './icons';

/** A failed load: what went wrong in words, and a way to try again. */
export function ErrorState({
  title = 'Could not load this',
  error,
  onRetry,
  retrying,
  className,
}: {
  title?: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
  className?: string;
}) {
  return (
    <div role="alert" data-testid="error-state" className={cn('flex flex-col items-center justify-center gap-2 px-6 py-10 text-center', className)}>
      <AlertIcon size={20} className="text-red-600" />
      <p className="font-medium text-gray-900">{title}</p>
      <p className="max-w-sm text-gray-600">{errorMessage(error)}</p>
      {onRetry ? (
        <Button size="sm" onClick={onRetry} loading={retrying} data-testid="retry-button" className="mt-1">
          Retry
        </Button>
      ) : null}
    </div>
  );
}
