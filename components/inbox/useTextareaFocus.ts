'use client';
import { useCallback, useEffect, useRef, useState, type Ref } from 'react';

/**
 * A textarea ref that also feeds the caller's `ref`, plus `requestFocus()` that focuses the box
 * after the next render (it may only appear then, e.g. when switching to a private note).
 */
export function useTextareaFocus(ref: Ref<HTMLTextAreaElement> | undefined) {
  const local = useRef<HTMLTextAreaElement | null>(null);
  const [request, setRequest] = useState(0);

  useEffect(() => {
    if (request) local.current?.focus();
  }, [request]);

  const setTextarea = useCallback(
    (el: HTMLTextAreaElement | null) => {
      local.current = el;
      if (typeof ref === 'function') ref(el);
      else if (ref) ref.current = el;
    },
    [ref],
  );

  const requestFocus = useCallback(() => setRequest((n) => n + 1), []);
  return { setTextarea, requestFocus };
}
