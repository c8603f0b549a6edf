'use client';
import type { RefObject } from 'react';
import { useHotkeys } from '@/components/hooks/useHotkeys';

interface Options {
  ids: string[];
  selectedId: string | null;
  setSelectedId: (id: string) => void;
  listRef: RefObject<HTMLUListElement | null>;
  open: (id: string) => void;
  onReachEnd: () => void;
}

/** j/k and arrows move the selection through the list, Enter opens it. */
export function useListKeyboard({ ids, selectedId, setSelectedId, listRef, open, onReachEnd }: Options) {
  const move = (event: KeyboardEvent, delta: 1 | -1) => {
    if (ids.length === 0) return;
    event.preventDefault();
    const at = selectedId ? ids.indexOf(selectedId) : -1;
    const next = at === -1 ? (delta === 1 ? 0 : ids.length - 1) : Math.min(ids.length - 1, Math.max(0, at + delta));
    if (next >= ids.length - 3) onReachEnd();
    const id = ids[next];
    setSelectedId(id);
    const el = listRef.current?.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(id)}"]`);
    el?.scrollIntoView({ block: 'nearest' });
    // Focus follows the selection when the person is already working in the list.
    if (el && listRef.current?.contains(document.activeElement)) el.focus();
  };

  // Arrow keys only when nothing else (thread scroll, buttons) is focused, so they keep their usual job there.
  const arrowsAllowed = () => document.activeElement === document.body || Boolean(listRef.current?.contains(document.activeElement));

  useHotkeys({
    j: (e) => move(e, 1),
    k: (e) => move(e, -1),
    ArrowDown: (e) => arrowsAllowed() && move(e, 1),
    ArrowUp: (e) => arrowsAllowed() && move(e, -1),
    Enter: (e) => {
      // A focused link or button handles Enter itself.
      if (e.target instanceof HTMLAnchorElement || e.target instanceof HTMLButtonElement) return;
      if (!selectedId) return;
      e.preventDefault();
      open(selectedId);
    },
  });
}
