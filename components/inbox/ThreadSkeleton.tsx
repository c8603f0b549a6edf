import { Skeleton } from '@/components/ui/Skeleton';

const ROWS = [
  { out: false, w: 'w-64' },
  { out: false, w: 'w-40' },
  { out: true, w: 'w-72' },
  { out: false, w: 'w-56' },
  { out: true, w: 'w-48' },
];

export function ThreadSkeleton() {
  return (
    <div role="status" aria-label="Loading messages" className="flex flex-1 flex-col gap-4 p-4">
      {ROWS.map((r, i) => (
        <div key={i} className={r.out ? 'flex justify-end' : 'flex'}>
          <Skeleton className={`h-10 ${r.w} rounded-lg`} />
        </div>
      ))}
    </div>
  );
}
