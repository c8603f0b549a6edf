'use client';
import { useEffect, useEffectEvent } from 'react';

export type HotkeyMap = Record<string, (event: KeyboardEvent) => void>;

/** True when the key press belongs to a text field, so shortcuts must stay quiet. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * Single-key shortcuts keyed by `event.key` ("j", "ArrowDown", "?"). Ignored while typing, with
 * Ctrl/Cmd/Alt held, or while a modal dialog is open.
 */
export function useHotkeys(map: HotkeyMap, enabled = true) {
  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTypingTarget(event.target)) return;
    if (document.querySelector('dialog[open]')) return;
    map[event.key]?.(event);
  });

  useEffect(() => {
    if (!enabled) return;
    const listener = (event: KeyboardEvent) => onKeyDown(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, [enabled]);
}
