import { cn } from './cn';

/** Grey placeholder block shown while data loads. */
export function Skeleton({ className }: { className?: string }) {
  return <span aria-hidden="true" className={cn('block animate-pulse rounded bg-gray-200', className)} />;
}
