import { Skeleton } from '@/components/ui/Skeleton';

export function ConversationListSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <div role="status" aria-label="Loading conversations" className="flex flex-col">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="flex flex-col gap-2 border-b border-gray-100 px-3 py-3">
          <div className="flex items-center gap-2">
            <Skeleton className="h-4 w-4 rounded-full" />
            <Skeleton className="h-3.5 w-32" />
            <Skeleton className="ml-auto h-3 w-8" />
          </div>
          <Skeleton className="h-3 w-56" />
        </div>
      ))}
    </div>
  );
}
