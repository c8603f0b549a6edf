'use client';
import { useEffect, useRef } from 'react';
import { Button } from '@/components/ui/Button';
import { errorMessage } from '@/lib/client/api';

/** Loads the next page when scrolled into view; the button covers keyboard users and failures. */
export function LoadMore({ hasMore, loading, error, onLoad }: { hasMore: boolean; loading: boolean; error: unknown; onLoad: () => void }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el || !hasMore || loading || error) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onLoad();
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, loading, error, onLoad]);

  if (!hasMore) return null;
  return (
    <div ref={ref} className="flex flex-col items-center gap-1 p-3">
      {error ? <p className="text-xs text-red-700">{errorMessage(error)}</p> : null}
      <Button size="sm" variant="ghost" loading={loading} onClick={onLoad} data-testid="load-more">
        {error ? 'Retry loading more' : 'Load more'}
      </Button>
    </div>
  );
}
