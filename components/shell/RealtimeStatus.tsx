'use client';
import { useEffect, useState } from 'react';
import { WifiOffIcon } from '@/components/ui/icons';
import { useRealtime } from '@/lib/client/socket';

// The first connection normally takes well under this; only then is the banner worth showing.
const GRACE_MS = 4000;

/** Keeps the live connection running and says so when it is down. */
export function RealtimeStatus() {
  const state = useRealtime();
  const [graceOver, setGraceOver] = useState(false);

  useEffect(() => {
    const t = setTimeout(() => setGraceOver(true), GRACE_MS);
    return () => clearTimeout(t);
  }, []);

  const show = state === 'reconnecting' || (state === 'connecting' && graceOver);
  return (
    <div aria-live="polite">
      {show ? (
        <div
          role="status"
          data-testid="reconnecting-banner"
          className="flex items-center justify-center gap-2 border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-xs text-amber-900"
        >
          <WifiOffIcon size={14} />
          Reconnecting… Live updates are paused; the inbox refreshes every 30 seconds meanwhile.
        </div>
      ) : null}
    </div>
  );
}
