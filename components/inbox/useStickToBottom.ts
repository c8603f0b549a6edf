'use client';
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { Message } from '@/lib/client/types';

const NEAR_BOTTOM_PX = 80;

/**
 * Keeps the thread scrolled to the newest message while the reader is at the bottom; when they have
 * scrolled up to read history, new messages raise a "new messages" prompt instead of yanking them down.
 */
export function useStickToBottom(messages: Message[] | undefined) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const stick = useRef(true);
  const seenCount = useRef(0);
  const [unseen, setUnseen] = useState(false);

  const scrollToBottom = useCallback(() => {
    const el = scrollRef.current;
    if (el) el.scrollTop = el.scrollHeight;
    stick.current = true;
    setUnseen(false);
  }, []);

  const onScroll = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < NEAR_BOTTOM_PX;
    if (stick.current) setUnseen(false);
  }, []);

  const count = messages?.length ?? 0;
  const last = messages?.[count - 1];
  useLayoutEffect(() => {
    const grew = count > seenCount.current;
    seenCount.current = count;
    if (!grew) return;
    // Always follow our own replies; follow others only when already at the bottom.
    if (stick.current || last?.direction === 'outbound') scrollToBottom();
    else setUnseen(true);
  }, [count, last?.id, last?.direction, scrollToBottom]);

  return { scrollRef, onScroll, unseen, scrollToBottom };
}
