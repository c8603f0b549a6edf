'use client';
import { useSyncExternalStore } from 'react';

// One timer for the whole page, however many relative times are on screen.
const TICK_MS = 30_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((fn) => fn());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** Current time in ms, refreshed every 30 s, for "5m ago" and "closes in 3 h" labels. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now, () => now);
}
