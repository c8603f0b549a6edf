import { msUntil } from '@/components/format/time';
import type { ReplyWindow } from '@/lib/client/types';

export interface WindowNow {
  open: boolean;
  /** ms left before it closes; null when open without a deadline or when closed. */
  closesInMs: number | null;
  note: string | null;
}

/** The server's window, re-checked against the clock so it closes on screen without a refetch. */
export function windowNow(window: ReplyWindow, now: number): WindowNow {
  const closesInMs = window.closesAt ? msUntil(window.closesAt, now) : null;
  const open = window.open && (closesInMs === null || closesInMs > 0);
  return { open, closesInMs: open ? closesInMs : null, note: window.note };
}
